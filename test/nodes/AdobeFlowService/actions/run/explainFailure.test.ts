/**
 * Run → Explain Failure against the emulator: a run that rejected two rows explains itself row by
 * row from its batch's diagnostics, with the files attached on request; with diagnostics off, one item
 * says so; a clean run has nothing to explain; the manifests' other host is never asked.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import { MANIFEST, seedFlowOptions } from '../../../../../emulator/pipeline/diagnostics';
import { byId, failure, useStack } from '../../../../../support/harness';
import { pipelineSteps } from '../../../../../support/pipeline';

const h = useStack({ runDurationMs: 50 });
const steps = pipelineSteps(h);
const DAY = 86_400_000;
let pieces: { source: unknown; target: unknown; mapping: unknown };

/** Requests that reached the manifests' host: it must stay at none. */
let followed = 0;
const trap = createServer((req, res) => {
	followed++;
	res.writeHead(500).end();
});
const realHost = MANIFEST.host;

beforeAll(async () => {
	await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
	MANIFEST.host = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
	const dataset = await steps.sampleDataset();
	const base = (await steps.baseConnection('explain-base')).id;
	const source = (await steps.sourceConnection(base, 'explain source')).id;
	const target = (await steps.targetConnection(dataset.id, 'explain target')).id;
	const mapping = (await steps.mapping(dataset.schemaId, source)).id;
	pieces = { source, target, mapping };
});
afterAll(async () => {
	MANIFEST.host = realHost;
	await new Promise((resolve) => trap.close(resolve));
});

/** A text in an integer column, and a null in a required field. */
const TWO_ROWS = [
	{ column: 'age', value: 'forty', expectedType: 'integer' },
	{ column: 'email', value: null, expectedType: 'string' },
];

let flows = 0;
/** A dataflow scheduled once, with these options, whose next run is planned; returns the ended run's id. */
async function runOf(options: { errorDiagnosticsEnabled?: boolean }, plan?: Parameters<typeof h.stack.emulator.pipeline.runs.planOutcome>[1]): Promise<{ flowId: string; runId: string }> {
	const flow = await steps.dataflow(`explained ${++flows}`, pieces.source, pieces.target, pieces.mapping, { frequency: 'once', startTime: new Date(Date.now() + 3_600_000).toISOString() });
	const flowId = String(flow.id);
	seedFlowOptions(h.stack.emulator.pipeline.flows, flowId, options);
	if (plan) h.stack.emulator.pipeline.runs.planOutcome(flowId, plan);
	const { runId } = (await h.run({ resource: 'dataflow', operation: 'runNow', dataflow: byId(flowId), incrementalColumn: 'created_at' }))[0].json;
	for (let i = 0; i < 100; i++) {
		const run = (await h.run({ resource: 'run', operation: 'get', runId }))[0].json;
		if (run.status !== 'inProgress') return { flowId, runId: String(runId) };
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error(`run ${String(runId)} did not end`);
}

const explain = async (parameters: IDataObject) => await h.run({ resource: 'run', operation: 'explainFailure', ...parameters });
const KEYS = ['runId', 'flowId', 'runStatus', 'failedRecordCount', 'batchId', 'kind', 'source', 'activity', 'code', 'message', 'meaning', 'advice', 'transient', 'recordCount', 'countForCode', 'column', 'expectedType', 'actualType', 'value', 'record', 'file'];

test('a run that rejected a text in an integer column and a null in a required field: two row items naming column, expected type and code', async () => {
	const { runId, flowId } = await runOf({ errorDiagnosticsEnabled: true }, { failedRows: TWO_ROWS });
	const out = await explain({ runId });
	for (const item of out) {
		expect(Object.keys(item.json)).toEqual(KEYS);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.binary).toBeUndefined();
	}
	const rows = out.map((o) => o.json).filter((j) => j.kind === 'rowError');
	expect(rows).toEqual([
		expect.objectContaining({ runId, flowId, source: 'rowErrors', column: 'age', expectedType: 'integer', actualType: 'string', value: 'forty', code: 'MAPPER-3700-400', countForCode: 1, file: 'conversion_errors_0.json' }),
		expect.objectContaining({ source: 'rowErrors', column: 'email', expectedType: 'string', actualType: 'null', value: null, code: 'INGEST-1555-400', countForCode: 1, advice: 'Add the required field to the input row and try again', file: 'validation_errors_0.json' }),
	]);
	// The run's own errors first: the run failed processing, and its promotion activity counts per code.
	const errors = out.map((o) => o.json).filter((j) => j.kind === 'runError');
	expect(errors.map((e) => [e.source, e.activity, e.code, e.countForCode])).toEqual([
		['run', 'Promotion Activity', 'CONNECTOR-2001-500', null],
		['activity', 'Promotion Activity', 'MAPPER-3700-400', 1],
		['activity', 'Promotion Activity', 'INGEST-1555-400', 1],
	]);
	expect(errors[0]).toMatchObject({ runStatus: 'failed', failedRecordCount: 2, batchId: expect.any(String), meaning: expect.stringMatching(/processed/), transient: false });

	// With Attach Files, each file on the first item read from it.
	const attached = await explain({ runId, attachFiles: true });
	const files = attached.filter((o) => o.binary).map((o) => [o.json.column, o.binary!.data.fileName, Buffer.from(o.binary!.data.data, 'base64').toString('utf8')]);
	expect(files).toEqual([
		['age', 'conversion_errors_0.json', expect.stringContaining('"_filename":"conversion_errors_0.json"')],
		['email', 'validation_errors_0.json', expect.stringContaining('"column":"email"')],
	]);
	// Latest Failed of a Dataflow finds the same run.
	const latest = await explain({ explainRun: 'latestFailed', dataflow: byId(flowId), maxRows: 1 });
	expect(latest.filter((o) => o.json.kind === 'rowError').map((o) => [o.json.runId, o.json.column])).toEqual([[runId, 'age']]);
	expect(followed).toBe(0);
});

test('with error diagnostics off: the diagnosticsOff item says how to turn them on; the failed file still names the rows', async () => {
	const metaRequests = () => Object.entries(h.stack.emulator.stats.byRoute).filter(([route]) => /^GET \/export\/batches\/[^/]+\/meta$/.test(route)).reduce((sum, [, n]) => sum + n, 0);
	const before = metaRequests();
	expect(before).toBeGreaterThan(0);
	// Dataflow → Create turns diagnostics on by default: off here, as in a dataflow made without them.
	const { runId } = await runOf({ errorDiagnosticsEnabled: false }, { failedRows: TWO_ROWS });
	const out = (await explain({ runId })).map((o) => o.json);
	const off = out.filter((j) => j.kind === 'diagnosticsOff');
	expect(off).toEqual([expect.objectContaining({ code: 'INGEST-1211-400', source: 'batch', advice: expect.stringContaining('Dataflow → Update') })]);
	expect(out.filter((j) => j.kind === 'rowError').map((j) => [j.source, j.column, j.expectedType, j.actualType])).toEqual([
		['failedFile', 'age', 'integer', 'string'],
		['failedFile', 'email', null, 'null'],
	]);
	// Catalog said diagnostics were off: row_errors was not asked for.
	expect(metaRequests()).toBe(before);
	expect(followed).toBe(0);
});

test('a clean run: one item, nothing to explain; a run whose diagnostics are older than 30 days: they expired', async () => {
	const { runId } = await runOf({ errorDiagnosticsEnabled: true });
	const clean = (await explain({ runId })).map((o) => o.json);
	expect(clean).toEqual([expect.objectContaining({ runId, kind: 'noErrors', code: null, column: null })]);

	const flow = await steps.dataflow('expired', pieces.source, pieces.target, pieces.mapping, { frequency: 'once', startTime: new Date(Date.now() + 3_600_000).toISOString() });
	seedFlowOptions(h.stack.emulator.pipeline.flows, String(flow.id), { errorDiagnosticsEnabled: true, partialIngestionPercent: 50 });
	const [old] = h.stack.emulator.pipeline.runs.seed(String(flow.id), [{ startedAt: Date.now() - 40 * DAY, status: 'success', read: 10, failed: 2 }]);
	const expired = (await explain({ runId: old })).map((o) => o.json);
	expect(expired.filter((j) => j.kind === 'diagnosticsExpired')).toEqual([expect.objectContaining({ message: expect.stringMatching(/up to 30 days/) })]);
});

test('bad input is an error naming the field and the item, before any request', async () => {
	const requests = h.stack.emulator.stats.requests;
	const empty = await failure(explain({ runId: '' }));
	expect(empty.message).toBe('Run ID is required [item 0]');
	const bad = await failure(explain({ runId: 'not-a-run' }));
	expect(bad.message).toMatch(/^Run ID is not a valid ID \[item 0\]$/);
	const rows = await failure(explain({ runId: '9830305a-985f-47d0-b030-5a985fd7d004', maxRows: 0 }));
	expect(rows.message).toMatch(/^Max Row Items must be a whole number of 1 or more \[item 0\]$/);
	expect(h.stack.emulator.stats.requests).toBe(requests);
});
