/**
 * The emulator reads objects back as Adobe documents them, not as they were sent (readback/*.json:
 * a documented request, the documented read-back of the object it made, and where they differ).
 * Each documented request, with ids the emulator holds, is sent; the object is read back; it has
 * the documented shape, and each documented difference the emulator reproduces reads as documented.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Stack } from '../../emulator/stack';
import { startStack } from '../../emulator/stack';
import { missingShape } from './fixtures';
import { sendTo } from '../emulator/client';

interface Difference {
	at: string;
	sent: unknown;
	readBack: unknown;
	kind: 'normalised' | 'default-added' | 'masked' | 'renamed' | 'dropped' | 'added' | 'type-changed';
}
interface ReadBack {
	source: { repo: string; path: string; commit?: string; note: string };
	sent: { method: string; path: string; body: any };
	readBack: { method: string; path: string; status: number; body: any };
	differences: Difference[];
}

const DIRECTORY = join(__dirname, 'readback');
const READBACKS: Record<string, ReadBack> = Object.fromEntries(
	readdirSync(DIRECTORY)
		.filter((file) => file.endsWith('.json'))
		.map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(join(DIRECTORY, file), 'utf8')) as ReadBack]),
);

const GREENPLUM = '37b6bf40-d318-4655-90be-5cd6f65d334b';
let stack: Stack;
let dataset: { id: string; schemaId: string };
let baseId: string;

async function send(method: string, path: string, body?: unknown, service = 'flowservice', extra: Record<string, string> = {}): Promise<{ status: number; body: any }> {
	return await sendTo(stack.emulator.url, method, path, body, { service, headers: extra });
}

/** The value at a JSON pointer. */
function at(value: any, pointer: string): unknown {
	return pointer
		.split('/')
		.slice(1)
		.reduce((node, key) => (node === undefined || node === null ? undefined : node[key.replace(/~1/g, '/').replace(/~0/g, '~')]), value);
}

/** The documented differences of one kind, as pointers. */
const differences = (name: string, kinds: Difference['kind'][]) => READBACKS[name].differences.filter((d) => kinds.includes(d.kind));

beforeAll(async () => {
	stack = await startStack({ runDurationMs: 50 });
	const datasets = await send('GET', '/dataSets?limit=10', undefined, 'catalog');
	const [id, record] = Object.entries(datasets.body as Record<string, { schemaRef: { id: string } }>)[0];
	dataset = { id, schemaId: record.schemaRef.id };
	const { host, port, login } = stack.database;
	baseId = (
		await send('POST', '/connections', {
			name: 'readback',
			auth: { specName: 'Basic Authentication', params: { connectionString: `HOST=${host};PORT=${port};DB=${login.database};UID=${login.username};PWD=${login.password}` } },
			connectionSpec: { id: GREENPLUM, version: '1.0' },
		})
	).body.id;
}, 60_000);
afterAll(async () => {
	await stack.close();
});

/** Every fixture has its test here: a new fixture without one fails. */
const HELD = ['mapping-set-create-vs-lookup', 'flow-create-vs-get', 'flow-options-patch-vs-get', 'base-connection-create-vs-get', 'base-connection-patch-vs-get', 'dataset-create-vs-lookup'];
test('every documented read-back is held to', () => {
	expect(Object.keys(READBACKS).sort()).toEqual([...HELD].sort());
	for (const fixture of Object.values(READBACKS)) expect(fixture.source.repo).toBe('AdobeDocs/experience-platform.en');
});

async function mappingSet(): Promise<{ sent: any; created: any; read: any }> {
	const sent = structuredClone(READBACKS['mapping-set-create-vs-lookup'].sent.body);
	sent.outputSchema.schemaRef.id = dataset.schemaId;
	// The guide's destinations, on fields the sample schema has.
	const fields = ['_id', 'person.name.fullName', '_emulator.city'];
	sent.mappings.forEach((m: any, i: number) => (m.destination = fields[i]));
	const created = await send('POST', '/mappingSets', sent, 'conversion');
	expect(created.status).toBe(200);
	const read = await send('GET', `/mappingSets/${created.body.id}`, undefined, 'conversion');
	expect(read.status).toBe(READBACKS['mapping-set-create-vs-lookup'].readBack.status);
	return { sent, created: created.body, read: read.body };
}

describe('mapping sets (help/data-prep/api/mapping-set.md: create, then look up)', () => {
	test('read back in the documented shape; jsonSchema aside, which the look-up shows only expanded', async () => {
		const { read } = await mappingSet();
		const documented = structuredClone(READBACKS['mapping-set-create-vs-lookup'].readBack.body);
		delete documented.outputSchema.jsonSchema;
		expect(missingShape(documented, read)).toEqual([]);
	});

	test('ATTRIBUTE reads back text/x.schema-path, and every documented default reads as documented', async () => {
		const { read } = await mappingSet();
		const reproduced = differences('mapping-set-create-vs-lookup', ['normalised', 'default-added']);
		expect(reproduced.length).toBeGreaterThanOrEqual(7);
		for (const difference of reproduced) expect([difference.at, at(read, difference.at)]).toEqual([difference.at, difference.readBack]);
	});

	test("a mapping's name and description are kept; pairs as sent; ids added, a new one per mapping", async () => {
		const { sent, read } = await mappingSet();
		expect(read.mappings.map((m: any) => [m.source, m.destination, m.name, m.description])).toEqual(sent.mappings.map((m: any) => [m.source, m.destination, m.name, m.description]));
		expect(new Set(read.mappings.map((m: any) => m.id)).size).toBe(sent.mappings.length);
		for (const m of read.mappings) expect(m.id).toMatch(/^[0-9a-f]{32}$/);
	});

	test('times: the create answers milliseconds, the look-up whole seconds of the same instant', async () => {
		const { created, read } = await mappingSet();
		expect(read.createdDate % 1000).toBe(0);
		expect(Math.abs(read.createdDate - created.createdDate)).toBeLessThanOrEqual(500);
		expect(read.xdmSchema).toBe(dataset.schemaId);
		expect(read.schemaRef).toEqual(read.outputSchema.schemaRef);
	});
});

describe('dataflows (database-nosql.md create, update-dataflows.md look-up of the same flow)', () => {
	async function flow(): Promise<{ sent: any; read: any }> {
		const source = await send('POST', '/sourceConnections', { name: 'rb source', baseConnectionId: baseId, data: { format: 'tabular' }, params: { tableName: 'sales.customers', columns: [] }, connectionSpec: { id: GREENPLUM, version: '1.0' } });
		const target = await send('POST', '/targetConnections', {
			name: 'rb target',
			targetConnectionSpecId: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c',
			data: { schema: { id: dataset.schemaId, version: 'application/vnd.adobe.xed-full+json;version=1' } },
			params: { dataSetId: dataset.id },
			connectionSpec: { id: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', version: '1.0' },
		});
		const mapping = await send('POST', '/mappingSets', { outputSchema: { schemaRef: { id: dataset.schemaId, contentType: 'application/vnd.adobe.xed-full+json;version=1' } }, mappings: [{ sourceType: 'ATTRIBUTE', source: 'id', destination: '_id' }] }, 'conversion');
		const sent = structuredClone(READBACKS['flow-create-vs-get'].sent.body);
		sent.sourceConnectionIds = [source.body.id];
		sent.targetConnectionIds = [target.body.id];
		sent.transformations[0].params.deltaColumn.name = 'created_at';
		sent.transformations[1].params.mappingId = mapping.body.id;
		const created = await send('POST', '/flows', sent);
		expect(created.status).toBe(201);
		const read = await send('GET', `/flows/${created.body.id}`);
		expect(read.status).toBe(200);
		return { sent, read: read.body };
	}

	test('mappingVersion, sent as the number 0, reads back as the string "0"; the schedule as sent, strings kept', async () => {
		const { sent, read } = await flow();
		const [typeChanged] = differences('flow-create-vs-get', ['type-changed']);
		expect(typeChanged).toMatchObject({ at: '/transformations/1/params/mappingVersion', sent: 0, readBack: '0' });
		expect(at(read.items[0], typeChanged.at)).toBe('0');
		expect(read.items[0].scheduleParams).toEqual(sent.scheduleParams);
	});

	test('read back in the documented shape (the look-up after a PATCH: lastOperation and the runs link aside)', async () => {
		const { read } = await flow();
		const documented = structuredClone(READBACKS['flow-create-vs-get'].readBack.body);
		// Kept out: what a flow has only after its last update or its first run, and the sandbox id the emulator has no notion of.
		for (const key of ['lastOperation', 'lastRunDetails', 'runs', 'sandboxId']) delete documented.items[0][key];
		expect(missingShape(documented, read.body ?? read)).toEqual([]);
	});
});

describe('dataflow options (partial.md: PATCH, then look up)', () => {
	test('add /options replaces the object; the percent sent as the string "10" reads back as the number 10', async () => {
		const fixture = READBACKS['flow-options-patch-vs-get'];
		const source = await send('POST', '/sourceConnections', { name: 'rb options source', baseConnectionId: baseId, data: { format: 'tabular' }, params: { tableName: 'sales.customers', columns: [] }, connectionSpec: { id: GREENPLUM, version: '1.0' } });
		const target = await send('POST', '/targetConnections', {
			name: 'rb options target',
			data: { schema: { id: dataset.schemaId, version: 'application/vnd.adobe.xed-full+json;version=1' } },
			params: { dataSetId: dataset.id },
			connectionSpec: { id: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', version: '1.0' },
		});
		const mapping = await send('POST', '/mappingSets', { outputSchema: { schemaRef: { id: dataset.schemaId } }, mappings: [{ sourceType: 'ATTRIBUTE', source: 'id', destination: '_id' }] }, 'conversion');
		const sent = structuredClone(READBACKS['flow-create-vs-get'].sent.body);
		Object.assign(sent, { name: 'rb options', sourceConnectionIds: [source.body.id], targetConnectionIds: [target.body.id] });
		sent.transformations[0].params.deltaColumn.name = 'created_at';
		sent.transformations[1].params.mappingId = mapping.body.id;
		// Made with an option the page does not touch: add /options replaces the whole object, so it is gone after.
		const created = await send('POST', '/flows', { ...sent, options: { isSampleDataflow: false } });
		expect(created.status).toBe(201);
		const patched = await send('PATCH', `/flows/${created.body.id}`, fixture.sent.body, 'flowservice', { 'If-Match': created.body.etag });
		expect(patched.status).toBe(200);
		const read = await send('GET', `/flows/${created.body.id}`);
		expect(read.status).toBe(fixture.readBack.status);
		expect(missingShape(fixture.readBack.body, read.body)).toEqual([]);
		expect(read.body.items[0].options).toEqual(fixture.readBack.body.items[0].options);
		const [typeChanged] = differences('flow-options-patch-vs-get', ['type-changed']);
		expect([typeChanged.sent, at(read.body, typeChanged.at)]).toEqual(['10', 10]);
	});
});

describe('base connections (update.md)', () => {
	test('a look-up has the documented shape; the connection spec version and auth spec name are kept as sent', async () => {
		const read = await send('GET', `/connections/${baseId}`);
		expect(missingShape(READBACKS['base-connection-create-vs-get'].readBack.body, read.body)).toEqual([]);
		expect(read.body.items[0]).toMatchObject({ state: 'enabled', auth: { specName: 'Basic Authentication' }, connectionSpec: { id: GREENPLUM, version: '1.0' } });
		expect(read.body.items[0].etag).toBe(read.body.items[0].version);
	});

	test('PATCH replace /auth/params replaces the params whole (what was not sent again is gone), name replaced, description added', async () => {
		const fixture = READBACKS['base-connection-patch-vs-get'];
		// A connector with optional params (the emulator's own spec), so that a param left out of the replacement can be seen to go.
		const warehouse = { host: 'wh.example.com', warehouseDatabase: 'sales', user: 'loader', warehouseKey: 'first-key', region: 'eu-west' };
		const made = await send('POST', '/connections', {
			name: 'readback patch',
			auth: { specName: 'Warehouse Key Authentication', params: { ...warehouse, port: 7000, compress: true } },
			connectionSpec: { id: '7d3e9c1a-5b2f-4e8d-9a61-0c4f2b8e6d17', version: '1.0' },
		});
		expect(made.status).toBe(201);
		const ops = structuredClone(fixture.sent.body);
		ops[0].value = { ...warehouse, warehouseKey: 'second-key' };
		const patched = await send('PATCH', `/connections/${made.body.id}`, ops, 'flowservice', { 'If-Match': made.body.etag });
		expect(patched.status).toBe(200);
		const read = (await send('GET', `/connections/${made.body.id}`)).body.items[0];
		expect(Object.keys(read.auth.params).sort()).toEqual(Object.keys(warehouse).sort());
		expect(read).toMatchObject({ name: ops[1].value, description: ops[2].value, etag: patched.body.etag, version: patched.body.etag });
	});
});

describe('datasets (create-dataset.md, look-up-object.md)', () => {
	test('the create answers "@/dataSets/{id}"; the look-up is keyed by the id, with no id inside, and has files', async () => {
		const fixture = READBACKS['dataset-create-vs-lookup'];
		const created = await send('POST', '/dataSets', { ...fixture.sent.body, schemaRef: { ...fixture.sent.body.schemaRef, id: dataset.schemaId } }, 'catalog');
		expect(created.status).toBe(201);
		expect(created.body).toEqual([expect.stringMatching(/^@\/dataSets\/[0-9a-f]+$/)]);
		const id = created.body[0].slice('@/dataSets/'.length);
		const read = await send('GET', `/dataSets/${id}`, undefined, 'catalog');
		expect(Object.keys(read.body)).toEqual([id]);
		expect(read.body[id].id).toBeUndefined();
		const [documented] = Object.values(fixture.readBack.body) as any[];
		// Tags are keyed by their names (data, not API), and the create sent no description.
		const { description: _notSent, tags: _data, ...shape } = documented;
		expect(missingShape(shape, read.body[id])).toEqual([]);
		expect(typeof read.body[id].tags).toBe('object');
		expect(read.body[id].files).toBe(`@/dataSetFiles?dataSetId=${id}`);
	});
});
