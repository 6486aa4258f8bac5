import { CONNECTORS } from '../../../../../nodes/AdobeFlowService/connectors';
import { API_KEY, byId, CANARY, failure, ORG, TOKEN, useStack } from '../../../../../support/harness';

// A small page size makes the Platform page often: 23 connections are 4 pages.
const h = useStack({ maxPageSize: 7 });
const greenplumSpec = CONNECTORS.find((c) => c.key === 'greenplum')!.connectionSpecId;
const db2Spec = CONNECTORS.find((c) => c.key === 'ibmDb2')!.connectionSpecId;

const getMany = (extra: object) => h.run({ resource: 'connection', operation: 'getMany', ...extra });

beforeAll(() => {
	h.stack.emulator.seedConnections(ORG, 'prod', 23, (i) => ({
		name: `conn-${String(i).padStart(2, '0')}`,
		connectionSpec: { id: i % 3 === 0 ? db2Spec : greenplumSpec, version: '1.0' },
		state: i % 5 === 0 ? 'disabled' : 'enabled',
	}));
});

describe('Get Many', () => {
	test('Return All pages through every page: no connection lost or repeated', async () => {
		const before = h.stack.emulator.stats.byRoute['GET /connections'] ?? 0;
		const out = await getMany({ returnAll: true });
		expect(out).toHaveLength(23);
		expect(new Set(out.map((o) => o.json.id)).size).toBe(23);
		expect((h.stack.emulator.stats.byRoute['GET /connections'] ?? 0) - before).toBe(4);
		expect(out.every((o) => o.pairedItem && (o.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test.each([1, 7, 8, 15, 22, 23, 50])('Limit %i returns exactly that many (or all there are), across pages', async (limit) => {
		const out = await getMany({ returnAll: false, limit, orderBy: '+name' });
		const expected = Array.from({ length: Math.min(limit, 23) }, (_, i) => `conn-${String(i).padStart(2, '0')}`);
		expect(out.map((o) => o.json.name)).toEqual(expected);
	});

	test('filters: connector, state and name are AND-ed; several connectors are an OR-list', async () => {
		const db2 = await getMany({ returnAll: true, filters: { connectors: [db2Spec] } });
		expect(db2).toHaveLength(8);
		const enabledGreenplum = await getMany({ returnAll: true, filters: { connectors: [greenplumSpec], state: 'enabled' } });
		expect(enabledGreenplum.map((o) => o.json.name)).not.toContain('conn-05');
		expect(enabledGreenplum).toHaveLength(12);
		const both = await getMany({ returnAll: true, filters: { connectors: [greenplumSpec, db2Spec] } });
		expect(both).toHaveLength(23);
		const byName = await getMany({ returnAll: true, filters: { name: 'conn-04' } });
		expect(byName.map((o) => o.json.name)).toEqual(['conn-04']);
	});

	test('descending order', async () => {
		const out = await getMany({ returnAll: false, limit: 3, orderBy: '-name' });
		expect(out.map((o) => o.json.name)).toEqual(['conn-22', 'conn-21', 'conn-20']);
	});

	test('a name the filter cannot express (a comma, a quote) is still matched exactly, by reading the list', async () => {
		h.stack.emulator.seedConnections(ORG, 'prod', 3, (i) => ({ name: ['Sales, EU', 'the "main" one', 'Sales'][i], connectionSpec: { id: greenplumSpec, version: '1.0' } }));
		for (const name of ['Sales, EU', 'the "main" one', 'Sales']) {
			const found = await getMany({ returnAll: true, filters: { name } });
			expect(found.map((o) => o.json.name)).toEqual([name]);
		}
		expect(await getMany({ returnAll: false, limit: 1, filters: { name: 'Sales, EU', connectors: [greenplumSpec] } })).toHaveLength(1);
	});
});

describe('Get, Update, Delete, Test', () => {
	test('a connection created without a description gets one by Update, and gets another by a second Update', async () => {
		const [created] = await h.run(h.greenplum('no description yet'));
		expect(h.stack.emulator.connections(ORG).find((c) => c.id === created.json.id)).not.toHaveProperty('description');
		for (const text of ['first words', 'second words']) {
			const [updated] = await h.run({ resource: 'connection', operation: 'update', connection: byId(created.json.id), updateFields: { description: text } });
			expect(updated.json).toMatchObject({ id: created.json.id, updated: ['description'] });
			const [read] = await h.run({ resource: 'connection', operation: 'get', connection: byId(created.json.id) });
			expect(read.json.description).toBe(text);
		}
	});

	test('update renames with the current etag; a concurrent change gives a clear 412', async () => {
		const [created] = await h.run(h.greenplum('to rename'));
		const [updated] = await h.run({ resource: 'connection', operation: 'update', connection: byId(created.json.id), updateFields: { name: 'renamed', description: 'new text' } });
		expect(updated.json).toMatchObject({ id: created.json.id, updated: ['name', 'description'] });
		expect(updated.json.etag).not.toBe(created.json.etag);
		const [read] = await h.run({ resource: 'connection', operation: 'get', connection: byId(created.json.id) });
		expect(read.json).toMatchObject({ name: 'renamed', description: 'new text', etag: updated.json.etag });

		// Someone else changes it between our read and our write: the emulator's 412.
		h.stack.emulator.faults.add({ method: 'PATCH', kind: { type: 'status', status: 412, body: { type: 'https://ns.adobe.com/aep/errors/FLOW-1404-412', title: 'Precondition Failed', status: 412, report: { 'detailed-message': 'The etag does not match', 'request-id': 'rq-412' } } } });
		const error = await failure(h.run({ resource: 'connection', operation: 'update', connection: byId(created.json.id), updateFields: { name: 'again' } }));
		expect(error.message).toBe('The etag does not match [412 FLOW-1404-412]');
		expect(error.description).toBe('The connection or dataflow was changed by someone else since it was read. Run the node again to apply the update to the new version. Request ID: rq-412');
	});

	test('a real stale etag is refused by the emulator with 412', async () => {
		const [created] = await h.run(h.greenplum('stale'));
		const response = await fetch(`${h.stack.emulator.flowServiceUrl}/connections/${created.json.id}`, {
			method: 'PATCH',
			headers: { Authorization: `Bearer ${TOKEN}`, 'x-api-key': API_KEY, 'x-gw-ims-org-id': ORG, 'x-sandbox-name': 'prod', 'Content-Type': 'application/json', 'If-Match': '"not-the-etag"' },
			body: JSON.stringify([{ op: 'replace', path: '/name', value: 'x' }]),
		});
		expect(response.status).toBe(412);
		expect(((await response.json()) as { type: string }).type).toMatch(/FLOW-1404-412$/);
	});

	test('update replaces the credentials: the new password reaches the Platform, never the output', async () => {
		const [created] = await h.run(h.greenplum('rotate'));
		const [updated] = await h.run({
			...h.greenplum('ignored', { password: CANARY }),
			operation: 'update',
			connection: byId(created.json.id),
			updateCredentials: true,
		});
		expect(updated.json.updated).toEqual(['credentials']);
		const stored = h.stack.emulator.connections(ORG).find((c) => c.id === created.json.id)!;
		expect(stored.auth.params.connectionString).toContain('PWD={canary-Pw;={}}-9d1e4}');
		expect(JSON.stringify(updated)).not.toContain(CANARY);
	});

	test('update with the wrong connector is refused before the write', async () => {
		const [created] = await h.run(h.greenplum('wrong connector'));
		const error = await failure(h.run({ ...h.db2('x'), operation: 'update', connection: byId(created.json.id), updateCredentials: true }));
		expect(error.message).toBe('Connector does not match the connection, which is GreenPlum [item 0]');
	});

	test('update with another auth method of the same connector is refused before the write; with its own, it goes through', async () => {
		const mysql = (auth: string, extra: object = {}) => ({ ...h.greenplum('mysql rotate'), connector: 'mySql', auth_mySql: auth, sslMode: 'DISABLED', ...extra });
		const [created] = await h.run(mysql('connectionString'));
		const update = (auth: string) => h.run({ ...mysql(auth, { password: CANARY }), operation: 'update', connection: byId(created.json.id), updateCredentials: true });
		const error = await failure(update('basic'));
		expect(error.message).toBe('Authentication is Basic Authentication, but the connection was made with Connection String [item 0]');
		const [updated] = await update('connectionString');
		expect(updated.json.updated).toEqual(['credentials']);
	});

	test('update with nothing to change is refused', async () => {
		const error = await failure(h.run({ resource: 'connection', operation: 'update', connection: byId('4cb0c374-d3bb-4557-b139-5712880adc55') }));
		expect(error.message).toBe('Nothing to update [item 0]');
	});

	test('delete returns { deleted: true }; a later get is a 404 with its code', async () => {
		const [created] = await h.run(h.greenplum('to delete'));
		const [deleted] = await h.run({ resource: 'connection', operation: 'delete', connection: byId(created.json.id) });
		expect(deleted.json).toEqual({ deleted: true, id: created.json.id });
		const error = await failure(h.run({ resource: 'connection', operation: 'get', connection: byId(created.json.id) }));
		expect(error.message).toBe(`The requested connection resource ${created.json.id} is not found. [404 FLOW-1101-404]`);
		expect(error.description).toMatch(/^Check the ID: nothing with it exists in this sandbox/);
	});

	test('delete of a connection dataflows use says what to do', async () => {
		const [created] = await h.run(h.greenplum('in use'));
		h.stack.emulator.markInUse(String(created.json.id));
		const error = await failure(h.run({ resource: 'connection', operation: 'delete', connection: byId(created.json.id) }));
		expect(error.message).toMatch(/\[400 FLOW-1418-400\]$/);
		expect(error.description).toMatch(/^Dataflows still use this connection/);
	});

	test('the connection locator takes a URL, and refuses what is not an id', async () => {
		const [created] = await h.run(h.greenplum('by url'));
		const [read] = await h.run({ resource: 'connection', operation: 'get', connection: { __rl: true, mode: 'url', value: `https://platform.adobe.io/data/foundation/flowservice/connections/${created.json.id}` } });
		expect(read.json.id).toBe(created.json.id);
		const error = await failure(h.run({ resource: 'connection', operation: 'get', connection: byId('not-an-id') }));
		expect(error.message).toBe('Connection is not a valid connection ID [item 0]');
	});

	test('test connection: true against the sample database; false with a hint for a wrong password', async () => {
		const [good] = await h.run(h.greenplum('test good'));
		const [ok] = await h.run({ resource: 'connection', operation: 'test', connection: byId(good.json.id) });
		expect(ok.json).toEqual({ id: good.json.id, result: true, message: null });
		const [bad] = await h.run(h.greenplum('test bad', { password: 'wrong' }));
		const [notOk] = await h.run({ resource: 'connection', operation: 'test', connection: byId(bad.json.id) });
		expect(notOk.json).toMatchObject({ id: bad.json.id, result: false });
		expect(notOk.json.message).toMatch(/allow-list/);
	});

	test('Continue On Fail for get: the missing one becomes an error item, the others are read', async () => {
		const [created] = await h.run(h.greenplum('cof get'));
		const items = [{ id: created.json.id }, { id: '00000000-0000-0000-0000-000000000000' }];
		const out = await h.run({ resource: 'connection', operation: 'get', connection: byId('={{ $json.id }}') }, { items, onError: 'continueRegularOutput' });
		expect(out[0].json.id).toBe(created.json.id);
		expect(out[1].json).toMatchObject({ httpCode: 404, platformCode: 'FLOW-1101-404' });
		expect(out[1].pairedItem).toEqual({ item: 1 });
	});
});

describe('Connection specs', () => {
	test('get many by name, and get one: the auth spec says what fields a connector needs', async () => {
		const [spec] = await h.run({ resource: 'connectionSpec', operation: 'getMany', returnAll: true, specName: 'greenplum' });
		expect(spec.json).toMatchObject({ id: greenplumSpec, authSpecNames: ['Basic Authentication'] });
		const [one] = await h.run({ resource: 'connectionSpec', operation: 'get', connectionSpecId: db2Spec });
		expect(Object.keys((one.json.authSpec as Array<{ spec: { properties: object } }>)[0].spec.properties)).toEqual(['server', 'database', 'authenticationType', 'username', 'password']);
	});
});
