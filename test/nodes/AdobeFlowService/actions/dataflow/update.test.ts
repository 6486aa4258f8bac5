/**
 * Dataflow → Update against the emulator: the JSON Patch it sends (read back from the flow's
 * `lastOperation.ops`, which the emulator keeps as sent), options merged into those the flow has,
 * the mapping replaced at the Mapping's own index, a stale etag read again and tried once more,
 * nothing sent when nothing differs, and bad input refused before any request.
 */
import type { IDataObject } from 'n8n-workflow';

import { byId, failure, ISO_TIME, ORG, TOKEN, useStack } from '../../../../../support/harness';
import { pipelineSteps } from '../../../../../support/pipeline';
import { sendTo } from '../../../../emulator/client';

const h = useStack({ runDurationMs: 20, tokens: [TOKEN, 'emulator-token'] });
const steps = pipelineSteps(h);
let parts: { source: unknown; target: unknown; mapping: unknown; other: unknown; schemaId: string };

beforeAll(async () => {
	const dataset = await steps.sampleDataset();
	const source = (await steps.sourceConnection((await steps.baseConnection('update-base')).id, 'update source')).id;
	const mapping = (await steps.mapping(dataset.schemaId, source)).id;
	const other = (await steps.mapping(dataset.schemaId, source, { mappingMode: 'pairs', pairs: { pair: [{ source: 'name', destination: 'person.name.fullName' }] } })).id;
	parts = { source, target: (await steps.targetConnection(dataset.id, 'update target')).id, mapping, other, schemaId: dataset.schemaId };
});

const stored = (id: unknown) => h.stack.emulator.pipeline.flows.flows.bucket(ORG, 'prod').get(String(id))!;
const patches = () => h.stack.emulator.stats.byRoute['PATCH /flows/{id}'] ?? 0;
let unique = 0;
/** A daily dataflow made by the node (Copy at 0, Mapping at 1; error diagnostics on, as Create's default). */
const dataflow = async (extra: IDataObject = {}) => await steps.dataflow(`update ${++unique}`, parts.source, parts.target, parts.mapping, extra);
const update = async (flowId: unknown, updateFields: IDataObject) => (await h.run({ resource: 'dataflow', operation: 'update', dataflow: byId(flowId), updateFields }))[0].json;

/** Another writer's PATCH, over HTTP with the flow's etag as it is now. */
async function otherWriter(flowId: unknown, operations: unknown) {
	const { url } = h.stack.emulator;
	const etag = stored(flowId).etag;
	const answer = await sendTo(url, 'PATCH', `/flows/${String(flowId)}`, operations, { headers: { 'If-Match': etag } });
	expect(answer.status).toBe(200);
}

describe('name and description', () => {
	test('replace /name, add /description where the flow has none, then replace it; the output is the dataflow as Get shows it, with what changed', async () => {
		const flow = await dataflow();
		const out = await update(flow.id, { name: 'renamed', description: 'first words' });
		expect(stored(flow.id).lastOperation!.ops).toEqual([
			{ op: 'replace', path: '/name', value: 'renamed' },
			{ op: 'add', path: '/description', value: 'first words' },
		]);
		const got = (await h.run({ resource: 'dataflow', operation: 'get', dataflow: byId(flow.id) }))[0].json;
		expect(out).toEqual({ ...got, changes: ['name', 'description'] });
		expect(out).toMatchObject({ name: 'renamed', description: 'first words', updatedAt: ISO_TIME });
		expect(out.etag).not.toBe(flow.etag);
		await update(flow.id, { description: 'second words' });
		expect(stored(flow.id).lastOperation!.ops).toEqual([{ op: 'replace', path: '/description', value: 'second words' }]);
	});

	test('nothing that differs: one item with changes [] and no PATCH, for the same values and for no fields at all', async () => {
		const flow = await dataflow();
		const before = patches();
		const same = await update(flow.id, { name: flow.name, errorDiagnostics: true, partialIngestion: false, mappingId: byId(parts.mapping), mappingVersion: 0 });
		const none = await update(flow.id, {});
		for (const out of [same, none]) expect(out).toMatchObject({ id: flow.id, etag: stored(flow.id).etag, changes: [] });
		expect(Object.keys(none).sort()).toEqual(Object.keys(same).sort());
		expect(patches()).toBe(before);
	});
});

describe('error diagnostics and partial ingestion: merged into the options the flow has, written whole', () => {
	test('keys the node does not know survive; partial ingestion on turns diagnostics on, off takes the percent away', async () => {
		const flow = await dataflow({ errorDiagnostics: false });
		await otherWriter(flow.id, [{ op: 'add', path: '/options', value: { errorDiagnosticsEnabled: false, isSampleDataflow: false, inletUrl: 'https://dcs.adobedc.net/collection/x' } }]);
		const on = await update(flow.id, { partialIngestion: true, partialIngestionThreshold: 10 });
		const merged = { errorDiagnosticsEnabled: true, isSampleDataflow: false, inletUrl: 'https://dcs.adobedc.net/collection/x', partialIngestionPercent: 10 };
		expect(stored(flow.id).lastOperation!.ops).toEqual([{ op: 'add', path: '/options', value: merged }]);
		expect(stored(flow.id).options).toEqual(merged);
		expect(on).toMatchObject({ errorDiagnostics: true, partialIngestionPercent: 10, changes: ['error diagnostics', 'partial ingestion'] });

		const threshold = await update(flow.id, { partialIngestionThreshold: 2.5 });
		expect(threshold).toMatchObject({ partialIngestionPercent: 2.5, changes: ['partial ingestion'] });
		const off = await update(flow.id, { partialIngestion: false });
		expect(stored(flow.id).options).toEqual({ errorDiagnosticsEnabled: true, isSampleDataflow: false, inletUrl: 'https://dcs.adobedc.net/collection/x' });
		expect(off).toMatchObject({ errorDiagnostics: true, partialIngestionPercent: null, changes: ['partial ingestion'] });
		const onAgain = await update(flow.id, { partialIngestion: true });
		expect(onAgain).toMatchObject({ partialIngestionPercent: 5, changes: ['partial ingestion'] });
	});

	test('a flow with no options at all (made elsewhere): error diagnostics turned on writes the one key', async () => {
		const flow = await dataflow();
		delete stored(flow.id).options;
		const out = await update(flow.id, { errorDiagnostics: true });
		expect(stored(flow.id).lastOperation!.ops).toEqual([{ op: 'add', path: '/options', value: { errorDiagnosticsEnabled: true } }]);
		expect(out).toMatchObject({ errorDiagnostics: true, changes: ['error diagnostics'] });
	});
});

describe('the mapping', () => {
	test('replaced at the index of the Mapping (1: Copy is at 0), the incremental column kept; its version read from Data Prep when not given', async () => {
		const flow = await dataflow();
		const setReads = () => h.stack.emulator.stats.byRoute[`GET /conversion/mappingSets/${String(parts.other)}`] ?? 0;
		const reads = setReads();
		const out = await update(flow.id, { mappingId: { __rl: true, mode: 'list', value: parts.other } });
		expect(setReads()).toBe(reads + 1);
		expect(stored(flow.id).lastOperation!.ops).toEqual([{ op: 'replace', path: '/transformations/1', value: { name: 'Mapping', params: { mappingId: parts.other, mappingVersion: 0 } } }]);
		expect(stored(flow.id).transformations[0]).toEqual({ name: 'Copy', params: { deltaColumn: { name: 'created_at' } } });
		expect(out).toMatchObject({ mappingId: parts.other, mappingVersion: 0, incrementalColumn: 'created_at', changes: ['mapping'] });
	});

	test('a dataflow scheduled Once holds its Mapping at 0: replaced there', async () => {
		const flow = await dataflow({ frequency: 'once', startTime: '2030-01-01T00:00:00Z' });
		await update(flow.id, { mappingId: byId(parts.other), mappingVersion: 0 });
		expect(stored(flow.id).lastOperation!.ops).toEqual([{ op: 'replace', path: '/transformations/0', value: { name: 'Mapping', params: { mappingId: parts.other, mappingVersion: 0 } } }]);
	});

	test('a version the set never had, or a set of another schema: the Platform refuses it and the error says so', async () => {
		const flow = await dataflow();
		const version = await failure(update(flow.id, { mappingId: byId(parts.other), mappingVersion: 3 }));
		expect(version.message).toMatch(/Invalid Mapping Version .*\[400 FLOW-1412-400\]$/);
		// A version alone is one of the dataflow's own set: the one it has changes nothing, another is sent.
		const before = patches();
		expect(await update(flow.id, { mappingVersion: 0 })).toMatchObject({ mappingId: parts.mapping, changes: [] });
		expect(patches()).toBe(before);
		expect((await failure(update(flow.id, { mappingVersion: 1 }))).message).toMatch(/\[400 FLOW-1412-400\]$/);
		expect(patches()).toBe(before + 1);
		const sets = h.stack.emulator.pipeline.mappingSets.sets.bucket(ORG, 'prod');
		const foreign = 'a'.repeat(32);
		sets.set(foreign, { ...sets.get(String(parts.other))!, id: foreign, schemaId: 'https://ns.adobe.com/emulator/schemas/another' });
		const schema = await failure(update(flow.id, { mappingId: byId(foreign) }));
		expect(schema.message).toMatch(/\[400 FLOW-1425-400\]$/);
		expect(stored(flow.id).transformations[1].params.mappingId).toBe(parts.mapping);
	});
});

describe('a stale etag', () => {
	test('another writer between the read and the PATCH: 1404-412, read again, merged with what the other wrote, sent once more', async () => {
		const flow = await dataflow();
		// The node's first PATCH waits; the other writer's goes through meanwhile.
		h.stack.emulator.faults.add({ method: 'PATCH', path: /^\/flows\//, kind: { type: 'delay', ms: 400 }, times: 1 });
		const before = patches();
		const running = update(flow.id, { partialIngestion: true, partialIngestionThreshold: 20 });
		for (let i = 0; i < 200 && patches() === before; i++) await new Promise((resolve) => setTimeout(resolve, 5));
		await otherWriter(flow.id, [{ op: 'add', path: '/options/isSampleDataflow', value: false }]);
		const out = await running;
		expect(patches()).toBe(before + 3);
		expect(stored(flow.id).options).toEqual({ errorDiagnosticsEnabled: true, isSampleDataflow: false, partialIngestionPercent: 20 });
		expect(out).toMatchObject({ partialIngestionPercent: 20, etag: stored(flow.id).etag, changes: ['partial ingestion'] });
	});

	test('stale twice: tried once more only, then the Platform’s 1404-412 is the error', async () => {
		const flow = await dataflow();
		const body = { type: 'https://ns.adobe.com/aep/errors/FLOW-1404-412', title: 'Version not matching', status: 412, report: { 'detailed-message': 'The supplied version does not match the current version on entity.', 'request-id': 'rq-stale' } };
		h.stack.emulator.faults.add({ method: 'PATCH', path: /^\/flows\//, kind: { type: 'status', status: 412, body }, times: 2 });
		const before = patches();
		const error = await failure(update(flow.id, { name: 'never' }));
		expect(patches()).toBe(before + 2);
		expect(error).toMatchObject({ httpCode: '412', message: expect.stringMatching(/\[412 FLOW-1404-412\]$/) });
		expect(stored(flow.id).name).toBe(flow.name);
	});

	test('the answer of the PATCH lost: the resend meets 412, the flow read again is already as asked, nothing more is sent', async () => {
		const flow = await dataflow();
		h.stack.emulator.faults.add({ method: 'PATCH', path: /^\/flows\//, kind: { type: 'resetAfter' }, times: 1 });
		const before = patches();
		const out = await update(flow.id, { name: 'renamed once', partialIngestion: true });
		expect(patches()).toBe(before + 2);
		expect(stored(flow.id)).toMatchObject({ name: 'renamed once', options: { errorDiagnosticsEnabled: true, partialIngestionPercent: 5 } });
		expect(out).toMatchObject({ name: 'renamed once', partialIngestionPercent: 5, changes: ['name', 'partial ingestion'] });
	});
});

describe('refused before any request, naming the field and the item', () => {
	test.each([
		[{ partialIngestion: true, partialIngestionThreshold: 0 }, 'Partial Ingestion Threshold (%) must be more than 0 and at most 100 [item 0]'],
		[{ partialIngestionThreshold: 100.5 }, 'Partial Ingestion Threshold (%) must be more than 0 and at most 100 [item 0]'],
		[{ partialIngestionThreshold: -5 }, 'Partial Ingestion Threshold (%) must be more than 0 and at most 100 [item 0]'],
		[{ partialIngestion: false, partialIngestionThreshold: 10 }, 'Partial Ingestion Threshold (%) cannot be set with Partial Ingestion off [item 0]'],
		[{ partialIngestion: true, errorDiagnostics: false }, 'Error Diagnostics cannot be off with Partial Ingestion on [item 0]'],
		[{ mappingId: { __rl: true, mode: 'list', value: '' } }, 'Mapping is required [item 0]'],
		[{ mappingId: { __rl: true, mode: 'id', value: 'not-a-mapping' } }, 'Mapping is not a valid mapping ID [item 0]'],
		[{ mappingVersion: -1 }, 'Mapping Version must be a whole number of 0 or more [item 0]'],
		[{ mappingVersion: 1.5 }, 'Mapping Version must be a whole number of 0 or more [item 0]'],
		[{ name: '   ' }, 'Name is blank [item 0]'],
	])('%j', async (updateFields, message) => {
		const before = h.stack.emulator.stats.requests;
		const error = await failure(h.run({ resource: 'dataflow', operation: 'update', dataflow: byId('2edc08ac-4df5-4fe6-936f-81a19ce92f5c'), updateFields }));
		expect(error.message).toBe(message);
		expect(h.stack.emulator.stats.requests).toBe(before);
	});

	test('with Continue On Fail: the bad item gets its error item, paired; the good one is updated', async () => {
		const flow = await dataflow();
		const out = await h.run(
			{ resource: 'dataflow', operation: 'update', dataflow: byId(flow.id), updateFields: { partialIngestionThreshold: '={{ $json.threshold }}' } },
			{ items: [{ threshold: 0 }, { threshold: 7 }], onError: 'continueRegularOutput' },
		);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(out[0].json.error).toBe('Partial Ingestion Threshold (%) must be more than 0 and at most 100 [item 0]');
		expect(out[1].json).toMatchObject({ partialIngestionPercent: 7, changes: ['partial ingestion'] });
	});
});
