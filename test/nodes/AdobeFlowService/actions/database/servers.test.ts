/**
 * Explore on real database servers behind the emulator, where this machine has them: GreenPlum and
 * PostgreSQL connections on the PostgreSQL server at 127.0.0.1:5432, MySQL and MariaDB connections
 * on the MariaDB (or MySQL) server at 127.0.0.1:3306, each on a sample database of its own. Where a
 * server does not answer, its tests are skipped and the run says so (`SKIPPED:`), or fail under
 * CI=true (support/needs.ts); everything else explores the embedded database (explore.test.ts).
 */
import type { Need } from '../../../../../support/needs';
import { listening, requiring } from '../../../../../support/needs';
import type { ServerSample } from '../../../../../support/servers';
import { MARIADB, mysqlSample, POSTGRESQL, postgresqlSample } from '../../../../../support/servers';
import { byId, failure, useStack } from '../../../../../support/harness';

const h = useStack();
jest.setTimeout(60_000);

const explore = (operation: string, connection: string, extra: object = {}) => h.run({ resource: 'database', operation, connection: byId(connection), ...extra });

/** Creates a connection with the sample's login in the Database Login credential. */
async function create(sample: ServerSample, connector: string, auth: string, label = ''): Promise<string> {
	h.credentials.set('flowServiceDatabaseApi', { host: sample.host, port: String(sample.port), database: sample.database, username: sample.username, password: sample.password });
	const [created] = await h.run({ resource: 'connection', operation: 'create', connector, [`auth_${connector}`]: auth, name: `server ${connector} ${auth} ${sample.database}${label}`, sslMode: 'Prefer' });
	return String(created.json.id);
}

const [postgresql, mariadb] = listening(POSTGRESQL, MARIADB);

/** Tests on one server's sample database, skipped where `server` is not met. */
function onServer(label: string, skipped: string, server: Need, make: () => Promise<ServerSample>, body: (sample: () => ServerSample) => void) {
	requiring(skipped, server).describe(label, () => {
		let sample: ServerSample | undefined;
		beforeAll(async () => {
			sample = await make();
		});
		afterAll(async () => {
			const { credentials, stack } = h;
			await sample?.drop();
			const { login } = stack.database;
			credentials.set('flowServiceDatabaseApi', { host: '127.0.0.1', port: String(stack.database.port), database: login.database, username: login.username, password: login.password });
		});
		body(() => sample!);
	});
}

onServer('the PostgreSQL server', 'GreenPlum and PostgreSQL connections explored on a real server', postgresql, postgresqlSample, (sample) => {
	for (const [connector, auth] of [
		['greenplum', 'connectionString'],
		['postgreSql', 'connectionString'],
		['postgreSql', 'basic'],
	]) {
		test(`${connector} (${auth}): tables, their XDM column types, and rows from the server`, async () => {
			const id = await create(sample(), connector, auth);
			const tables = (await explore('listTables', id)).map((o) => o.json.name);
			expect(tables).toEqual(expect.arrayContaining(['sales.customers', 'sales.orders', 'public.events']));
			const [schema] = await explore('getTableSchema', id, { table: { __rl: true, mode: 'path', value: 'sales.customers' } });
			expect((schema.json.columns as Array<{ name: string; xdmType: string; xdmFormat: string | null }>).map((c) => [c.name, c.xdmType, c.xdmFormat])).toEqual([
				['id', 'integer', null],
				['name', 'string', null],
				['email', 'string', null],
				['city', 'string', null],
				['is_active', 'boolean', null],
				['lifetime_value', 'number', null],
				['created_at', 'string', 'date-time'],
			]);
			const rows = await explore('previewRows', id, { table: { __rl: true, mode: 'path', value: 'sales.customers' } });
			expect(rows[0].json).toEqual({ id: 1, name: 'Ada Lovelace', email: 'ada@example.com', city: 'London', is_active: true, lifetime_value: 1520.5, created_at: '2024-01-15T09:30:00.000Z' });
			expect(rows.map((r) => r.json.name)).toEqual(['Ada Lovelace', 'José Álvarez', '山田 太郎', 'Zoë Ødegård']);
		});
	}
});

onServer('the MariaDB / MySQL server', 'MySQL and MariaDB connections explored on a real server', mariadb, mysqlSample, (sample) => {
	for (const [connector, auth] of [
		['mySql', 'connectionString'],
		['mySql', 'basic'],
		['mariaDb', 'connectionString'],
	]) {
		test(`${connector} (${auth}): tables, their XDM column types, and rows, over the MySQL protocol`, async () => {
			const { database } = sample();
			const id = await create(sample(), connector, auth);
			const tables = (await explore('listTables', id)).map((o) => o.json.name);
			expect(tables).toEqual([`${database}.customers`, `${database}.orders`]);
			const [schema] = await explore('getTableSchema', id, { table: { __rl: true, mode: 'path', value: `${database}.orders` } });
			expect((schema.json.columns as Array<{ name: string; xdmType: string; xdmFormat: string | null }>).map((c) => [c.name, c.xdmType, c.xdmFormat])).toEqual([
				['order_id', 'integer', null],
				['customer_id', 'integer', null],
				['amount', 'number', null],
				['currency', 'string', null],
				['paid', 'boolean', null],
				['ordered_on', 'string', 'date'],
				['note', 'string', null],
			]);
			const customers = await explore('previewRows', id, { table: { __rl: true, mode: 'path', value: `${database}.customers` } });
			expect(customers.map((r) => r.json)).toEqual([
				{ id: 1, name: 'Ada Lovelace', email: 'ada@example.com', city: 'London', is_active: true, lifetime_value: 1520.5, created_at: '2024-01-15T09:30:00.000Z' },
				{ id: 2, name: 'José Álvarez', email: 'jose@example.es', city: 'Málaga', is_active: true, lifetime_value: 310, created_at: '2024-02-01T14:05:00.000Z' },
				{ id: 3, name: '山田 太郎', email: null, city: '東京', is_active: false, lifetime_value: null, created_at: '2024-03-10T00:00:00.000Z' },
				{ id: 4, name: 'Zoë Ødegård', email: 'zoe@example.no', city: null, is_active: true, lifetime_value: 42.42, created_at: '2024-04-22T18:45:10.000Z' },
			]);
			const [order] = await explore('previewRows', id, { table: { __rl: true, mode: 'path', value: `${database}.orders` }, maxRows: 1 });
			expect(order.json).toEqual({ order_id: 1001, customer_id: 1, amount: 99.9, currency: 'EUR', paid: true, ordered_on: '2024-05-01', note: 'first order' });
		});
	}

	test('a wrong password: the Platform-shaped login error, as from PostgreSQL', async () => {
		const id = await create({ ...sample(), password: 'not-it' }, 'mySql', 'connectionString', ' wrong password');
		const error = await failure(explore('listTables', id));
		expect(error.message).toMatch(/^Source connection failed: The database refused the login.* \[400 FLOW-1308-400\]$/);
	});
});
