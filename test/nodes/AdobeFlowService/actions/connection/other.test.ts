/**
 * Create with "Other (by Connection Spec)", against emulator-warehouse: a connection spec that exists
 * only in the emulator, for which the node has no entry. Its fields come from the Platform's auth spec.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeListSearchResult, ResourceMapperFields } from 'n8n-workflow';

import { byId, failure, useStack } from '../../../../../support/harness';
import { loadMethod, searchList } from '../../../../../support/runNode';

const WAREHOUSE = '7d3e9c1a-5b2f-4e8d-9a61-0c4f2b8e6d17';
const h = useStack();
/** The parameters around the ones the editor loads for. */
const EDITING = { resource: 'connection', operation: 'create', connector: 'other' };

/** The warehouse is the embedded database: its key is the sample login's password. */
const warehouseLogin = () => ({ otherSecrets: JSON.stringify({ warehouseKey: h.stack.database.login.password }) });
const mapped = (value: IDataObject) => ({ mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] });
const fields = (): IDataObject => ({
	host: '127.0.0.1',
	port: String(h.stack.database.port),
	warehouseDatabase: h.stack.database.login.database,
	user: h.stack.database.login.username,
	region: 'eu-west',
});
const create = (name: string, extra: IDataObject = {}) => ({
	resource: 'connection',
	operation: 'create',
	connector: 'other',
	otherConnectionSpec: byId(WAREHOUSE),
	name,
	otherAuthParams: mapped(fields()),
	...extra,
});

async function withLogin<T>(login: ICredentialDataDecryptedObject, work: () => Promise<T>): Promise<T> {
	h.credentials.set('flowServiceDatabaseApi', login);
	try {
		return await work();
	} finally {
		const { login: sample } = h.stack.database;
		h.credentials.set('flowServiceDatabaseApi', { host: '127.0.0.1', port: String(h.stack.database.port), database: sample.database, username: sample.username, password: sample.password });
	}
}

describe('the editor: specs From List, and the auth spec\'s fields', () => {
	test('From List offers the Platform\'s source specs, the emulator-only one among them, known connectors named', async () => {
		const list = await searchList('searchSourceConnectionSpecs', { credentials: h.credentials });
		expect(list.results).toEqual(expect.arrayContaining([{ name: 'emulator-warehouse', value: WAREHOUSE }, { name: 'greenplum (GreenPlum)', value: '37b6bf40-d318-4655-90be-5cd6f65d334b' }]));
		const found: INodeListSearchResult = await searchList('searchSourceConnectionSpecs', { credentials: h.credentials, filter: 'WAREHOUSE' });
		expect(found.results.map((r) => r.value)).toEqual([WAREHOUSE]);
	});

	test('Auth Spec lists the spec\'s auth specs', async () => {
		const names = await loadMethod<Array<{ name: string; value: string }>>('loadOptions', 'getAuthSpecNames', { credentials: h.credentials, parameters: { ...EDITING, otherConnectionSpec: byId(WAREHOUSE) } });
		expect(names.map((n) => n.value)).toEqual(['Warehouse Key Authentication']);
	});

	test('the fields: types, required ones, enum options and defaults from the schema; the secret left to the credential', async () => {
		const load = async (databaseLogin: string) =>
			await loadMethod<ResourceMapperFields>('resourceMapping', 'getAuthSpecFields', { credentials: h.credentials, parameters: { ...EDITING, otherConnectionSpec: byId(WAREHOUSE), databaseLogin } });
		const fromCredential = await load('credential');
		expect(fromCredential.fields.map((f) => f.id)).toEqual(['host', 'port', 'warehouseDatabase', 'user', 'region', 'compress']);
		expect(fromCredential.fields.find((f) => f.id === 'port')).toMatchObject({ type: 'number', required: false, defaultValue: 5432 });
		expect(fromCredential.fields.find((f) => f.id === 'user')).toMatchObject({ type: 'string', required: true });
		expect(fromCredential.fields.find((f) => f.id === 'region')).toMatchObject({ type: 'options', required: true, options: [{ name: 'eu-west', value: 'eu-west' }, { name: 'us-east', value: 'us-east' }, { name: 'ap-south', value: 'ap-south' }] });
		expect(fromCredential.fields.find((f) => f.id === 'compress')).toMatchObject({ type: 'boolean', defaultValue: false });
		const typed = await load('node');
		expect(typed.fields.find((f) => f.id === 'warehouseKey')).toMatchObject({ displayName: 'warehouseKey (secret)', required: true });
	});
});

describe('Create with Other: the body the spec describes', () => {
	test('created with the secret from the credential\'s Other Secrets, then explored like any connection; Get hides the secret', async () => {
		const [created] = await withLogin(warehouseLogin(), async () => await h.run(create('warehouse one')));
		expect(created.json).toMatchObject({ name: 'warehouse one', connector: 'emulator-warehouse', connectionSpecId: WAREHOUSE, connectionSpecVersion: '1.0', created: true, reused: false });
		const stored = h.stack.emulator.connections('C0FFEE00000000000000000A@AdobeOrg').find((c) => c.id === created.json.id)!;
		// Typed as the schema says: the port a number, though n8n gave text.
		expect(stored.auth).toEqual({
			specName: 'Warehouse Key Authentication',
			params: { ...fields(), port: h.stack.database.port, warehouseKey: h.stack.database.login.password },
		});
		const tables = await h.run({ resource: 'database', operation: 'listTables', connection: byId(String(created.json.id)) });
		expect(tables.map((t) => t.json.name)).toContain('sales.customers');
		const [got] = await h.run({ resource: 'connection', operation: 'get', connection: byId(String(created.json.id)) });
		expect(got.json.connector).toBeNull();
		expect(JSON.stringify(got.json)).not.toContain(h.stack.database.login.password);
	});

	test('a credential field of the same name is used first; typed into the node, the secret comes from the mapper', async () => {
		const [fromField] = await withLogin({ warehouseKey: h.stack.database.login.password }, async () => await h.run(create('warehouse two', { options: { dryRun: true } })));
		expect((fromField.json.body as IDataObject).auth).toEqual({ specName: 'Warehouse Key Authentication', params: { ...fields(), port: h.stack.database.port, warehouseKey: '**********' } });
		const [typed] = await h.run(create('warehouse three', { databaseLogin: 'node', otherAuthParams: mapped({ ...fields(), warehouseKey: 'typed-key-123' }) }));
		expect(typed.json.created).toBe(true);
	});

	test('run again, it reuses the connection of that name and spec', async () => {
		const run = async () => await withLogin(warehouseLogin(), async () => await h.run(create('warehouse again')));
		const [first] = await run();
		const [second] = await run();
		expect(second.json).toMatchObject({ id: first.json.id, created: false, reused: true });
	});

	test.each([
		[{ region: 'mars' }, 'Auth Parameters → region must be one of "eu-west", "us-east", "ap-south" [item 0]'],
		[{ port: 'abc' }, 'Auth Parameters → port must be a whole number [item 0]'],
		[{ port: '70000' }, 'Auth Parameters → port must be at most 65535 [item 0]'],
		[{ user: '' }, 'Auth Parameters → user is required by the auth spec [item 0]'],
		[{ shard: '7' }, 'Auth Parameters → shard is not a field of the auth spec [item 0]'],
	])('%j is refused before anything is sent, naming the field and the item', async (change, message) => {
		const before = h.stack.emulator.log.filter((line) => line.includes('POST')).length;
		const error = await withLogin(warehouseLogin(), async () => await failure(h.run(create('warehouse bad', { otherAuthParams: mapped({ ...fields(), ...change }) }))));
		expect(error.message).toBe(message);
		expect(h.stack.emulator.log.filter((line) => line.includes('POST')).length).toBe(before);
	});

	test('a secret missing from the credential, or too short, is named there; its value never shown', async () => {
		const missing = await withLogin({}, async () => await failure(h.run(create('warehouse no key'))));
		expect(missing.message).toBe('warehouseKey in the Database Login credential is required by the auth spec [item 0]');
		const short = await withLogin({ otherSecrets: '{"warehouseKey": "SHORT"}' }, async () => await failure(h.run(create('warehouse short key'))));
		expect(short.message).toBe('warehouseKey in the Database Login credential must be at least 8 characters long [item 0]');
		expect(JSON.stringify(short)).not.toContain('SHORT');
		const notJson = await withLogin({ otherSecrets: 'warehouseKey=x' }, async () => await failure(h.run(create('warehouse bad json'))));
		expect(notJson.message).toBe('Other Secrets in the Database Login credential is not a JSON object [item 0]');
	});

	test('an auth spec the connection spec does not have is refused, naming the ones it has', async () => {
		const error = await withLogin(warehouseLogin(), async () => await failure(h.run(create('warehouse bad auth', { otherAuthSpec: 'Basic Authentication' }))));
		expect(error.message).toBe("Auth Spec is not one of emulator-warehouse's (Warehouse Key Authentication) [item 0]");
	});
});
