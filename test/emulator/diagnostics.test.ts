/**
 * A run's batch and its error diagnostics, as the emulator keeps them: Catalog's batch with its
 * errors and counts, and the Data Access API's row error listing, files and samples, and the failed
 * file of a failed batch — for the rows a test planned the run to reject. Over HTTP, no node code.
 */
import { runCommand } from '../../emulator/commands';
import { seedFlowOptions } from '../../emulator/pipeline/diagnostics';
import { useEmulatorStack } from './client';

const held = useEmulatorStack({ runDurationMs: 30 });
const DAY = 86_400_000;

/** A text in an integer column, and a null in a required field. */
const TWO_ROWS = [
	{ column: 'age', value: 'forty', expectedType: 'integer' },
	{ column: 'email', value: null, expectedType: 'string' },
];

const promotion = (run: any) => run.activities.find((a: any) => a.id === 'promotionActivity');
const batchOf = (run: any) => promotion(run).targetInfo[0].reference.ids[0];
const jsonLines = (text: string) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line));

async function raw(path: string): Promise<{ status: number; text: string }> {
	const response = await fetch(`${held.stack.emulator.url}/data/foundation/export${path}`, {
		headers: { Authorization: 'Bearer emulator-token', 'x-api-key': 'emulator-client', 'x-gw-ims-org-id': 'C0FFEE00000000000000000A@AdobeOrg', 'x-sandbox-name': 'prod' },
	});
	return { status: response.status, text: await response.text() };
}

async function runRejecting(options: { errorDiagnosticsEnabled?: boolean; partialIngestionPercent?: number }) {
	const flow = await held.client.dataflow({ startTime: Math.floor(held.stack.emulator.clock.now() / 1000) + 3600, frequency: 'once' });
	seedFlowOptions(held.stack.emulator.pipeline.flows, flow, options);
	held.stack.emulator.pipeline.runs.planOutcome(flow, { failedRows: TWO_ROWS });
	const now = Math.floor(held.stack.emulator.clock.now() / 1000);
	const posted = await held.client.send('POST', '/runs', { flowId: flow, params: { startTime: now, windowStartTime: 0, windowEndTime: now, deltaColumn: { name: 'created_at' } } });
	return await held.client.finished(posted.body.items[0].id);
}

describe('a run that rejected two rows, with error diagnostics on', () => {
	let run: any;
	let batch: string;
	beforeAll(async () => {
		run = await runRejecting({ errorDiagnosticsEnabled: true });
		batch = batchOf(run);
	});

	test('the run failed with the documented error; its promotion activity names the batch and counts per code; manifests on another host', () => {
		expect(run.metrics.statusSummary).toMatchObject({ status: 'failed', errors: [{ code: 'CONNECTOR-2001-500' }] });
		expect(run.metrics.recordSummary).toEqual({ inputRecordCount: 4 + 2, outputRecordCount: 0, failedRecordCount: 2 });
		expect(promotion(run).statusSummary.extensions.errors).toEqual([
			{ code: 'MAPPER-3700-400', recordCount: 1, message: 'Mapper Transform Error' },
			{ code: 'INGEST-1555-400', recordCount: 1, message: expect.stringMatching(/required field/) },
		]);
		expect(promotion(run).statusSummary.extensions.manifest.failedRecords).toBe(`https://platform-int.adobe.io/data/foundation/export/batches/${batch}/meta?path=row_errors`);
	});

	test('Catalog: the batch, keyed by its id, failed, with its errors and counts', async () => {
		const answer = (await held.client.send('GET', `/batches/${batch}`, undefined, 'catalog')).body[batch];
		expect(answer).toMatchObject({ id: batch, status: 'failed', tags: { acp_enableErrorDiagnostics: true }, metrics: { inputRecordCount: 6, outputRecordCount: 0, failedRecordCount: 2 } });
		expect(answer.errors.map((e: any) => [e.code, e.recordCount])).toEqual([
			['MAPPER-3700-400', 1],
			['INGEST-1555-400', 1],
		]);
	});

	test('Data Access: the row_errors listing (length a string), each file in JSON Lines, the samples', async () => {
		const listing = await held.client.send('GET', `/batches/${batch}/meta?path=row_errors`, undefined, 'export');
		expect(listing.status).toBe(200);
		expect(listing.body._page).toEqual({ limit: 100, count: 2 });
		expect(listing.body.data.map((f: any) => f.name)).toEqual(['conversion_errors_0.json', 'validation_errors_0.json']);
		const conversion = await raw(`/batches/${batch}/meta?path=row_errors/conversion_errors_0.json`);
		expect(String(conversion.text.length)).toBe(listing.body.data[0].length);
		expect(jsonLines(conversion.text)).toEqual([
			{ _corrupt_record: '{"age":"forty"}', _errors: [{ code: '3700', message: expect.any(String), column: 'age', expectedType: 'integer', actualType: 'string', value: 'forty' }], _filename: 'conversion_errors_0.json' },
		]);
		const validation = jsonLines((await raw(`/batches/${batch}/meta?path=row_errors%2Fvalidation_errors_0.json`)).text);
		expect(validation[0]._errors[0]).toMatchObject({ code: '1555', column: 'email', expectedType: 'string', actualType: 'null', value: null });
		expect(jsonLines((await raw(`/batches/${batch}/meta?path=row_error_samples.json`)).text)).toHaveLength(2);
		// Paged by start and limit.
		const second = await held.client.send('GET', `/batches/${batch}/meta?path=row_errors&start=1&limit=1`, undefined, 'export');
		expect(second.body).toMatchObject({ data: [{ name: 'validation_errors_0.json' }], _page: { limit: 1, count: 1 } });
	});

	test('Data Access: the failed batch\'s files, a _SUCCESS marker and one part file of _validationErrors', async () => {
		const listing = (await held.client.send('GET', `/batches/${batch}/failed`, undefined, 'export')).body;
		expect(listing.data.map((f: any) => f.length)[0]).toBe('0');
		const part = listing.data[1].name;
		expect(part).toMatch(/^part-00000-.*-c000\.json$/);
		const records = jsonLines((await raw(`/batches/${batch}/failed?path=${part}`)).text);
		expect(records.map((r: any) => r._validationErrors[0].pointerToViolation)).toEqual(['#/age', '#/email']);
	});

});

test('with error diagnostics off: Catalog says INGEST-1211-400 and row_errors is not found', async () => {
	const run = await runRejecting({});
	const batch = batchOf(run);
	const catalog = (await held.client.send('GET', `/batches/${batch}`, undefined, 'catalog')).body[batch];
	expect(catalog.errors).toEqual([{ code: 'INGEST-1211-400', description: expect.stringMatching(/error diagnostics enabled/) }]);
	expect(catalog.metrics.failedRecordCount).toBe(2);
	expect(promotion(run).statusSummary.extensions.errors.map((e: any) => e.code)).toEqual(['INGEST-1211-400']);
	expect((await held.client.send('GET', `/batches/${batch}/meta?path=row_errors`, undefined, 'export')).status).toBe(404);
});

test('within the partial ingestion threshold the run succeeds with the rows it rejected', async () => {
	const run = await runRejecting({ errorDiagnosticsEnabled: true, partialIngestionPercent: 50 });
	expect(run.metrics.statusSummary.status).toBe('success');
	expect(run.metrics.recordSummary).toEqual({ inputRecordCount: 6, outputRecordCount: 4, failedRecordCount: 2 });
	expect(promotion(run).statusSummary.extensions.errors.map((e: any) => e.code)).toEqual(['INGEST-1212-400', 'MAPPER-3700-400', 'INGEST-1555-400']);
	expect((await held.client.send('GET', `/batches/${batchOf(run)}/failed`, undefined, 'export')).body.data).toEqual([]);
});

test('planOutcome refuses failed rows without a column', () => {
	const flow = held.stack.emulator.pipeline.flows.flows.everywhere()[0].item.id;
	expect(() => held.stack.emulator.pipeline.runs.planOutcome(flow, { failedRows: [] })).toThrow(/Not a planned outcome/);
	expect(() => held.stack.emulator.pipeline.runs.planOutcome(flow, { failedRows: [{ column: '' }] })).toThrow(/Not a planned outcome/);
});

test('npm run emulator: diagnostics <dataflow> on|off and rejectrows <dataflow> [n]', async () => {
	const { pipeline } = held.stack.emulator;
	const flow = await held.client.dataflow({ name: 'Typed rejects', frequency: 'once', startTime: Math.floor(held.stack.emulator.clock.now() / 1000) + 3600 });
	expect(runCommand(pipeline, 'diagnostics "Typed rejects" on')).toBe(`Dataflow "Typed rejects" (${flow}): error diagnostics on for its next runs.`);
	expect((pipeline.flows.flows.everywhere().find((e) => e.item.id === flow)!.item as { options?: unknown }).options).toEqual({ errorDiagnosticsEnabled: true });
	expect(runCommand(pipeline, 'diagnostics "Typed rejects" maybe')).toBe('Usage: diagnostics <dataflow> on|off');
	expect(runCommand(pipeline, `rejectrows ${flow} 2`)).toContain('reject 2 rows (age, email), reject 2 rows (age, email); then as usual.');
	expect(pipeline.runs.plannedOutcomes(flow)).toEqual([{ failedRows: TWO_ROWS }, { failedRows: TWO_ROWS }]);
	expect(runCommand(pipeline, 'rejectrows')).toBe('Usage: rejectrows <dataflow> [n]');
});

// Last: the Platform's clock only moves forward.
test('after 30 days the diagnostics are gone: 404; the Catalog batch stays', async () => {
	const run = await runRejecting({ errorDiagnosticsEnabled: true });
	held.stack.emulator.clock.advance(31 * DAY);
	expect((await held.client.send('GET', `/batches/${batchOf(run)}/meta?path=row_errors`, undefined, 'export')).status).toBe(404);
	expect((await held.client.send('GET', `/batches/${batchOf(run)}/failed`, undefined, 'export')).status).toBe(404);
	expect((await held.client.send('GET', `/batches/${batchOf(run)}`, undefined, 'catalog')).status).toBe(200);
});
