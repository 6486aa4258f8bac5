import { failure, ORG, useStack } from '../../../../../support/harness';
import { pipelineSteps } from '../../../../../support/pipeline';

const h = useStack();
const steps = pipelineSteps(h);
let schemaId: string;
let sourceId: unknown;

beforeAll(async () => {
	schemaId = (await steps.sampleDataset()).schemaId;
	sourceId = (await steps.sourceConnection((await steps.baseConnection('mapping-base')).id, 'mapping source')).id;
});

test("by name: each column of the table to the schema field of its name; what did not match is listed", async () => {
	const out = await steps.mapping(schemaId, sourceId, { options: { ifExists: 'create' } });
	expect(out.mappings).toEqual([
		{ sourceType: 'ATTRIBUTE', source: 'id', destination: '_emulator.id' },
		{ sourceType: 'ATTRIBUTE', source: 'name', destination: '_emulator.name' },
		{ sourceType: 'ATTRIBUTE', source: 'email', destination: '_emulator.email' },
		{ sourceType: 'ATTRIBUTE', source: 'city', destination: '_emulator.city' },
		{ sourceType: 'ATTRIBUTE', source: 'is_active', destination: '_emulator.isActive' },
		{ sourceType: 'ATTRIBUTE', source: 'lifetime_value', destination: '_emulator.lifetimeValue' },
		{ sourceType: 'ATTRIBUTE', source: 'created_at', destination: '_emulator.createdAt' },
	]);
	expect(out).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{32}$/), schemaId, unmatchedColumns: [], unmatchedFields: ['_id', 'person.name.fullName', 'personalEmail.address'], created: true });
});

test('pairs come first and win over names; a column with no field is listed with the reason', async () => {
	await h.stack.database.exec('CREATE TABLE IF NOT EXISTS public.people (id integer, name text, nickname text, updated_at timestamptz)');
	const people = (await steps.sourceConnection((await steps.baseConnection('people-base')).id, 'people', 'public.people')).id;
	const out = await steps.mapping(schemaId, people, { pairs: { pair: [{ source: 'name', destination: 'person.name.fullName' }] } });
	expect(out.mappings).toEqual([
		{ sourceType: 'ATTRIBUTE', source: 'name', destination: 'person.name.fullName' },
		{ sourceType: 'ATTRIBUTE', source: 'id', destination: '_emulator.id' },
	]);
	expect(out.unmatchedColumns).toEqual([
		{ column: 'nickname', reason: 'no field of the schema has this name' },
		{ column: 'updated_at', reason: 'no field of the schema has this name' },
	]);
});

test('run again with the same pairs, the identical mapping set is reused', async () => {
	const first = await steps.mapping(schemaId, sourceId);
	const again = await steps.mapping(schemaId, sourceId);
	expect(again).toMatchObject({ id: first.id, created: false, reused: true });
	expect(Object.keys(again).sort()).toEqual(Object.keys(first).sort());
});

test('the Platform reads a set back in other spellings (text/x.schema-path, text/x.aep-xl): run again, it is still the same set', async () => {
	const pairs = { pair: [{ source: 'upper(name)', destination: 'person.name.fullName', sourceType: 'EXPRESSION' }] };
	const sets = () => h.stack.emulator.pipeline.mappingSets.sets.bucket(ORG, 'prod').size;
	const first = await steps.mapping(schemaId, sourceId, { pairs, options: { ifExists: 'create' } });
	const read = h.stack.emulator.pipeline.mappingSets.get({ org: ORG, sandbox: 'prod', clientId: 'test', requestId: 'test' }, String(first.id)) as { mappings: Array<{ sourceType: string }> };
	expect(new Set(read.mappings.map((m) => m.sourceType))).toEqual(new Set(['text/x.aep-xl', 'text/x.schema-path']));
	const before = sets();
	const again = await steps.mapping(schemaId, sourceId, { pairs });
	expect(again).toMatchObject({ id: first.id, created: false, reused: true, mappings: first.mappings });
	expect(sets()).toBe(before);
});

test('a destination that is not a field of the schema is refused before the mapping set is sent', async () => {
	const before = h.stack.emulator.stats.byRoute['POST /conversion/mappingSets'] ?? 0;
	const error = await failure(steps.mapping(schemaId, sourceId, { mappingMode: 'pairs', pairs: { pair: [{ source: 'id', destination: 'person.age' }] } }));
	expect(error.message).toBe('Pairs → Destination 1 (person.age) is not a field of the schema [item 0]');
	expect(h.stack.emulator.stats.byRoute['POST /conversion/mappingSets'] ?? 0).toBe(before);
});

test('Get reads the set back; a schema the registry does not have is its 404', async () => {
	const made = await steps.mapping(schemaId, sourceId);
	const got = (await h.run({ resource: 'mapping', operation: 'get', mappingId: { __rl: true, mode: 'list', value: made.id } }))[0].json;
	expect(got).toMatchObject({ id: made.id, schemaId, mappings: made.mappings });
	// Saved when Mapping was a text field: the same.
	expect((await h.run({ resource: 'mapping', operation: 'get', mappingId: made.id }))[0].json).toEqual(got);
	const error = await failure(steps.mapping('https://ns.adobe.com/emulator/schemas/none', sourceId));
	expect(error.httpCode).toBe('404');
	expect((await failure(h.run({ resource: 'mapping', operation: 'get', mappingId: 'not-hex' }))).message).toBe('Mapping is not a valid mapping ID [item 0]');
});
