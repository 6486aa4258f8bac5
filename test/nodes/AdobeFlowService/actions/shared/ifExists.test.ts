/**
 * If It Exists on every Create: Reuse It returns the existing object as it was and says so; Update It
 * brings it to what the node says with one JSON Patch (If-Match) and says what changed.
 */
import { CANARY, ORG, useStack } from '../../../../../support/harness';
import { pipelineSteps } from '../../../../../support/pipeline';

const h = useStack();
const steps = pipelineSteps(h);
const update = { options: { ifExists: 'update' } };
const sent = (route: string) => h.stack.emulator.stats.byRoute[route] ?? 0;
const stored = (id: unknown) => h.stack.emulator.connections(ORG).find((c) => c.id === id)!;

const withLogin = h.withLogin;

describe('Connection → Create', () => {
	const create = (name: string, extra: object = {}) => ({ resource: 'connection', operation: 'create', connector: 'greenplum', name, ...extra });

	test('Reuse It after a password change: the connection is left as it was, and the output says so', async () => {
		const [first] = await h.run(create('reuse keeps login'));
		const patches = sent('PATCH /connections/{id}');
		const [again] = await withLogin({ password: CANARY }, async () => await h.run(create('reuse keeps login')));
		expect(again.json).toMatchObject({ id: first.json.id, created: false, reused: true, updated: false, changes: [], outcome: 'reused: left as it was' });
		expect(stored(first.json.id).auth.params.connectionString).not.toContain(CANARY);
		expect(sent('PATCH /connections/{id}')).toBe(patches);
	});

	test('Update It after a password change: one PATCH with the new login, the same connection, the output says what changed', async () => {
		const [first] = await h.run(create('update carries login', { description: 'before' }));
		const patches = sent('PATCH /connections/{id}');
		const posts = sent('POST /connections');
		const [again] = await withLogin({ password: CANARY }, async () => await h.run(create('update carries login', { description: 'after', ...update })));
		expect(sent('PATCH /connections/{id}')).toBe(patches + 1);
		expect(sent('POST /connections')).toBe(posts);
		expect(again.json).toMatchObject({ id: first.json.id, created: false, reused: true, updated: true, changes: ['login', 'description'], outcome: 'updated: login, description', description: 'after' });
		expect(stored(first.json.id).auth.params.connectionString).toContain(`PWD={${CANARY.replace('}', '}}')}}`);
		expect(again.json.etag).not.toBe(first.json.etag);
		expect(JSON.stringify(again)).not.toContain(CANARY);
	});

	test('Update It where nothing exists creates, as Reuse It does', async () => {
		const [made] = await h.run(create('update creates', update));
		expect(made.json).toMatchObject({ created: true, reused: false, updated: false, changes: [], outcome: 'created' });
	});

	test('Update It refuses another auth method than the connection was made with, before any PATCH', async () => {
		const postgres = { resource: 'connection', operation: 'create', connector: 'postgreSql', name: 'postgres by string' };
		const [made] = await h.run({ ...postgres, auth_postgreSql: 'connectionString' });
		const patches = sent('PATCH /connections/{id}');
		const [failed] = await h.run({ ...postgres, auth_postgreSql: 'basic', ...update }, { onError: 'continueRegularOutput' });
		expect(String(failed.json.error)).toMatch(new RegExp(`^Authentication is Basic Authentication, but connection ${String(made.json.id)} was made with Connection String Based Authentication \\[item 0\\]`));
		expect(sent('PATCH /connections/{id}')).toBe(patches);
	});
});

describe('the pipeline Creates', () => {
	let base: unknown;
	let dataset: { id: string; schemaId: string };
	beforeAll(async () => {
		base = (await steps.baseConnection('if-exists base')).id;
		dataset = await steps.sampleDataset();
	});

	test('source and target connection: Update It patches a new description; Reuse It leaves it', async () => {
		const source = await steps.sourceConnection(base, 'ie source', 'sales.customers', { description: 'first' });
		const reused = await steps.sourceConnection(base, 'ie source', 'sales.customers', { description: 'second' });
		expect(reused).toMatchObject({ id: source.id, description: 'first', outcome: 'reused: left as it was' });
		const updated = await steps.sourceConnection(base, 'ie source', 'sales.customers', { description: 'second', ...update });
		expect(updated).toMatchObject({ id: source.id, description: 'second', updated: true, changes: ['description'], outcome: 'updated: description' });
		const same = await steps.sourceConnection(base, 'ie source', 'sales.customers', { description: 'second', ...update });
		expect(same).toMatchObject({ id: source.id, updated: false, changes: [], outcome: 'reused: already as asked' });

		const target = await steps.targetConnection(dataset.id, 'ie target');
		const patches = sent('PATCH /targetConnections/{id}');
		const retargeted = await steps.targetConnection(dataset.id, 'ie target', { description: 'the sample dataset', ...update });
		expect(retargeted).toMatchObject({ id: target.id, description: 'the sample dataset', changes: ['description'] });
		expect(sent('PATCH /targetConnections/{id}')).toBe(patches + 1);
	});

	test('dataflow: Update It carries a new mapping set and schedule over in one PATCH, the start time left alone', async () => {
		const source = await steps.sourceConnection(base, 'ie flow source');
		const target = await steps.targetConnection(dataset.id, 'ie flow target');
		const first = await steps.mapping(dataset.schemaId, source.id, { options: { ifExists: 'create' } });
		const second = await steps.mapping(dataset.schemaId, source.id, { mappingMode: 'pairs', pairs: { pair: [{ source: 'name', destination: 'person.name.fullName' }] } });
		const flow = await steps.dataflow('ie flow', source.id, target.id, first.id);
		const reused = await steps.dataflow('ie flow', source.id, target.id, second.id, { interval: 2 });
		expect(reused).toMatchObject({ id: flow.id, mappingId: first.id, outcome: 'reused: left as it was' });
		const patches = sent('PATCH /flows/{id}');
		const updated = await steps.dataflow('ie flow', source.id, target.id, second.id, { interval: 2, ...update });
		expect(sent('PATCH /flows/{id}')).toBe(patches + 1);
		expect(updated).toMatchObject({ id: flow.id, mappingId: second.id, updated: true, changes: ['schedule interval', 'mapping'] });
		expect((updated.schedule as { interval: number }).interval).toBe(2);
		expect((updated.schedule as { startTime: string }).startTime).toBe((flow.schedule as { startTime: string }).startTime);
		const again = await steps.dataflow('ie flow', source.id, target.id, second.id, { interval: 2, ...update });
		expect(again).toMatchObject({ id: flow.id, changes: [], outcome: 'reused: already as asked' });
		expect(sent('PATCH /flows/{id}')).toBe(patches + 1);
	});

	test('dataflow: error diagnostics and partial ingestion are Update It changes, merged into the options the flow has', async () => {
		const source = await steps.sourceConnection(base, 'ie options source');
		const target = await steps.targetConnection(dataset.id, 'ie options target');
		const mapping = await steps.mapping(dataset.schemaId, source.id);
		const flow = await steps.dataflow('ie options', source.id, target.id, mapping.id);
		// As a dataflow made before the node sent options: none of its own, a key the Platform set.
		const held = h.stack.emulator.pipeline.flows.flows.bucket(ORG, 'prod').get(String(flow.id))!;
		held.options = { isSampleDataflow: false };
		const patches = sent('PATCH /flows/{id}');
		const reused = await steps.dataflow('ie options', source.id, target.id, mapping.id);
		expect(reused).toMatchObject({ id: flow.id, errorDiagnostics: false, outcome: 'reused: left as it was' });
		const updated = await steps.dataflow('ie options', source.id, target.id, mapping.id, update);
		expect(updated).toMatchObject({ id: flow.id, errorDiagnostics: true, partialIngestionPercent: null, changes: ['error diagnostics'], outcome: 'updated: error diagnostics' });
		expect(h.stack.emulator.pipeline.flows.flows.bucket(ORG, 'prod').get(String(flow.id))!.options).toEqual({ isSampleDataflow: false, errorDiagnosticsEnabled: true });
		const partial = await steps.dataflow('ie options', source.id, target.id, mapping.id, { partialIngestion: true, partialIngestionThreshold: 10, ...update });
		expect(partial).toMatchObject({ partialIngestionPercent: 10, changes: ['partial ingestion'] });
		const same = await steps.dataflow('ie options', source.id, target.id, mapping.id, { partialIngestion: true, partialIngestionThreshold: 10, ...update });
		expect(same).toMatchObject({ changes: [], outcome: 'reused: already as asked' });
		expect(sent('PATCH /flows/{id}')).toBe(patches + 2);
	});

	test('mapping set: found by its pairs, Update It has nothing else to change', async () => {
		const source = await steps.sourceConnection(base, 'ie mapping source');
		const made = await steps.mapping(dataset.schemaId, source.id);
		const again = await steps.mapping(dataset.schemaId, source.id, update);
		expect(again).toMatchObject({ id: made.id, created: false, updated: false, changes: [], outcome: 'reused: already as asked' });
	});

	test('a dataflow of that name reading another source connection is an error with Update It too', async () => {
		const one = await steps.sourceConnection(base, 'ie clash one');
		const other = await steps.sourceConnection(base, 'ie clash two', 'sales.orders');
		const target = await steps.targetConnection(dataset.id, 'ie clash target');
		const mapping = await steps.mapping(dataset.schemaId, one.id);
		await steps.dataflow('ie clash', one.id, target.id, mapping.id);
		await expect(steps.dataflow('ie clash', other.id, target.id, mapping.id, update)).rejects.toThrow(/reads source connection/);
	});
});
