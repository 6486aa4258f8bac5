/**
 * The emulator's dataflow PATCH and options (emulator/pipeline/flows.ts, flowPatch.ts, patch.ts):
 * JSON Patch as RFC 6902 reads it, `add /options` replacing the object whole, options read back as
 * the Platform shows them, a mapping swap checked as a create is, `lastOperation` after an update,
 * and the refusals of Adobe's catalogs. Over HTTP, no node code.
 */
import type { Answer } from './client';
import { sendTo, useEmulatorStack } from './client';

const emulator = useEmulatorStack({ runDurationMs: 30 });
const flowOf = async (id: string) => await emulator.client.flow(id);
const patch = async (id: string, operations: unknown, etag?: string) => await emulator.client.patchFlow(id, operations, etag);

const code = (answer: Answer) => String(answer.body?.type).replace(/^.*FLOW-/, '');

/** A daily dataflow (Copy at 0, Mapping at 1), made with `options` when given. */
async function dataflow(options?: unknown): Promise<{ id: string; pieces: { source: string; target: string; mapping: string } }> {
	const pieces = await emulator.client.pieces();
	const id = await emulator.client.dataflow({ pieces });
	if (options === undefined) return { id, pieces };
	const flow = await flowOf(id);
	const made = await emulator.client.send('POST', '/flows', {
		name: `${flow.name} with options`,
		flowSpec: flow.flowSpec,
		sourceConnectionIds: flow.sourceConnectionIds,
		targetConnectionIds: flow.targetConnectionIds,
		transformations: flow.transformations,
		scheduleParams: flow.scheduleParams,
		options,
	});
	expect(made.status).toBe(201);
	return { id: made.body.id, pieces };
}

describe('options', () => {
	test('a dataflow made without options reads back without them; made with them, as the Platform shows them (the percent a number)', async () => {
		expect(await flowOf((await dataflow()).id)).not.toHaveProperty('options');
		const { id } = await dataflow({ errorDiagnosticsEnabled: true, partialIngestionPercent: '5', isSampleDataflow: false });
		expect((await flowOf(id)).options).toEqual({ errorDiagnosticsEnabled: true, partialIngestionPercent: 5, isSampleDataflow: false });
	});

	test('a create with options the option spec refuses: 1312-400, nothing made', async () => {
		const pieces = await emulator.client.pieces();
		const flow = await flowOf(await emulator.client.dataflow({ pieces }));
		const before = (await emulator.client.get('/flows?limit=100')).items.length;
		const clean = { name: 'refused', flowSpec: flow.flowSpec, sourceConnectionIds: flow.sourceConnectionIds, targetConnectionIds: flow.targetConnectionIds, transformations: flow.transformations, scheduleParams: flow.scheduleParams };
		for (const options of [{ partialIngestionPercent: 0 }, { partialIngestionPercent: '-3' }, { partialIngestionPercent: 'ten' }, { errorDiagnosticsEnabled: 'yes' }, ['errorDiagnosticsEnabled']]) {
			expect([options, code(await emulator.client.send('POST', '/flows', { ...clean, options }))]).toEqual([options, '1312-400']);
		}
		expect((await emulator.client.get('/flows?limit=100')).items.length).toBe(before);
	});

	test('add /options replaces the object whole; add /options/{key} sets one key; remove takes one away', async () => {
		const { id } = await dataflow({ errorDiagnosticsEnabled: true, isSampleDataflow: false });
		expect((await patch(id, [{ op: 'add', path: '/options', value: { partialIngestionPercent: '10' } }])).status).toBe(200);
		expect((await flowOf(id)).options).toEqual({ partialIngestionPercent: 10 });
		expect((await patch(id, [{ op: 'add', path: '/options/errorDiagnosticsEnabled', value: true }])).status).toBe(200);
		expect((await flowOf(id)).options).toEqual({ partialIngestionPercent: 10, errorDiagnosticsEnabled: true });
		expect((await patch(id, [{ op: 'remove', path: '/options/partialIngestionPercent' }])).status).toBe(200);
		expect((await flowOf(id)).options).toEqual({ errorDiagnosticsEnabled: true });
		expect((await patch(id, [{ op: 'replace', path: '/options/errorDiagnosticsEnabled', value: 'false' }])).status).toBe(200);
		expect((await flowOf(id)).options).toEqual({ errorDiagnosticsEnabled: false });
	});

	test('RFC 6902 on options: replace or remove of a missing key, or a key under missing options, is 1455-400; a bad percent 1312-400; nothing applied', async () => {
		const { id } = await dataflow();
		const etag = (await flowOf(id)).etag;
		const cases: Array<[unknown, string]> = [
			[[{ op: 'add', path: '/options/errorDiagnosticsEnabled', value: true }], '1455-400'],
			[[{ op: 'replace', path: '/options', value: { errorDiagnosticsEnabled: true } }], '1455-400'],
			[[{ op: 'add', path: '/options', value: {} }, { op: 'replace', path: '/options/partialIngestionPercent', value: 5 }], '1455-400'],
			[[{ op: 'add', path: '/options', value: { partialIngestionPercent: 0 } }], '1312-400'],
			[[{ op: 'add', path: '/options', value: 'on' }], '1312-400'],
		];
		for (const [operations, expected] of cases) expect([operations, code(await patch(id, operations, etag))]).toEqual([operations, expected]);
		const flow = await flowOf(id);
		expect(flow.etag).toBe(etag);
		expect(flow).not.toHaveProperty('options');
	});
});

describe('name, description, schedule; If-Match; lastOperation', () => {
	test('an update is reported in lastOperation with its ops, completed; the etag and version change together', async () => {
		const { id } = await dataflow();
		const before = await flowOf(id);
		expect(before).not.toHaveProperty('lastOperation');
		const ops = [
			{ op: 'replace', path: '/name', value: 'renamed' },
			{ op: 'add', path: '/description', value: 'first' },
			{ op: 'replace', path: '/scheduleParams/interval', value: 2 },
		];
		const answer = await patch(id, ops);
		expect(answer).toEqual({ status: 200, body: { id, etag: expect.any(String) } });
		const after = await flowOf(id);
		expect(after).toMatchObject({ name: 'renamed', description: 'first', scheduleParams: { interval: '2' }, etag: answer.body.etag, version: answer.body.etag });
		expect(after.etag).not.toBe(before.etag);
		expect(after.lastOperation).toEqual({ started: expect.any(Number), updated: expect.any(Number), percentCompleted: 100, status: { value: 'completed', errors: [] }, ops, operation: 'update' });
		expect(after.updatedAt).toBeGreaterThanOrEqual(before.updatedAt);
	});

	test('replace of a description the flow does not have is 1455-400 (add sets it); no If-Match is 1403-400, an old one 1404-412', async () => {
		const { id } = await dataflow();
		const etag = (await flowOf(id)).etag;
		expect(code(await patch(id, [{ op: 'replace', path: '/description', value: 'x' }]))).toBe('1455-400');
		expect(code(await sendTo(emulator.stack.emulator.url, 'PATCH', `/flows/${id}`, [{ op: 'replace', path: '/name', value: 'x' }]))).toBe('1403-400');
		expect((await patch(id, [{ op: 'add', path: '/description', value: 'x' }], etag)).status).toBe(200);
		const stale = await patch(id, [{ op: 'replace', path: '/name', value: 'y' }], etag);
		expect([stale.status, code(stale)]).toEqual([412, '1404-412']);
		expect(code(await patch(id, [{ op: 'move', from: '/name', path: '/description' }]))).toBe('1434-400');
		expect(code(await patch(id, []))).toBe('1405-400');
		expect(code(await patch(id, [{ op: 'replace', path: '/state', value: 'disabled' }]))).toBe('1365-400');
	});
});

describe('the mapping swap', () => {
	const mapping = (mappingId: string, mappingVersion: unknown = 0) => ({ name: 'Mapping', params: { mappingId, mappingVersion } });

	test('a Mapping replaced at its own index is taken, read back with its version as a string; written over Copy it is refused (1365-400)', async () => {
		const { id, pieces } = await dataflow();
		const other = (await emulator.client.pieces('sales.customers', [['name', 'person.name.fullName']])).mapping;
		expect(code(await patch(id, [{ op: 'replace', path: '/transformations/0', value: mapping(other) }]))).toBe('1365-400');
		expect((await flowOf(id)).transformations.map((t: any) => t.name)).toEqual(['Copy', 'Mapping']);
		expect((await patch(id, [{ op: 'replace', path: '/transformations/1', value: mapping(other) }])).status).toBe(200);
		const flow = await flowOf(id);
		expect(flow.transformations[1]).toEqual({ name: 'Mapping', params: { mappingId: other, mappingVersion: '0' } });
		expect(flow.transformations[0].name).toBe('Copy');
		expect(other).not.toBe(pieces.mapping);
	});

	test('a mapping set that does not exist: 1419-400; a version it never had: 1412-400; another schema: 1425-400; nothing applied', async () => {
		const { id } = await dataflow();
		const sets = emulator.stack.emulator.pipeline.mappingSets.sets.bucket('C0FFEE00000000000000000A@AdobeOrg', 'prod');
		const foreign = 'e'.repeat(32);
		sets.set(foreign, { ...[...sets.values()][0], id: foreign, schemaId: 'https://ns.adobe.com/emulator/schemas/another' });
		const known = [...sets.values()][0].id;
		const etag = (await flowOf(id)).etag;
		const cases: Array<[unknown, string]> = [
			[mapping('0'.repeat(32)), '1419-400'],
			[mapping(known, 3), '1412-400'],
			[mapping(known, 'latest'), '1412-400'],
			[{ name: 'Mapping', params: { mappingId: known } }, '1412-400'],
			[mapping(foreign), '1425-400'],
		];
		for (const [value, expected] of cases) expect([value, code(await patch(id, [{ op: 'replace', path: '/transformations/1', value }], etag))]).toEqual([value, expected]);
		expect((await flowOf(id)).etag).toBe(etag);
	});
});
