import { byId, failure, useStack } from '../../../../../support/harness';

const h = useStack();
let greenplumId: string;
let db2Id: string;

beforeAll(async () => {
	await h.stack.database.exec(`
		DROP TABLE IF EXISTS public.test_inventory;
		CREATE TABLE public.test_inventory (sku text PRIMARY KEY, qty integer, price numeric(8,2), in_stock boolean, checked_at timestamptz, label text);
		INSERT INTO public.test_inventory VALUES
			('A-1', 5, 9.99, true, '2025-01-02T03:04:05Z', 'Überraschung'),
			('B-2', 0, 120.00, false, '2025-02-03T04:05:06Z', NULL);
	`);
	greenplumId = String((await h.run(h.greenplum('explore gp')))[0].json.id);
	db2Id = String((await h.run(h.db2('explore db2')))[0].json.id);
});

const explore = (operation: string, extra: object = {}, connection = greenplumId) =>
	h.run({ resource: 'database', operation, connection: byId(connection), ...extra });

describe('explore the database behind a connection', () => {
	test('List Tables: one item per table, from the real catalog, the test table among them', async () => {
		const out = await explore('listTables');
		const names = out.map((o) => o.json.name);
		expect(names).toEqual(expect.arrayContaining(['public.test_inventory', 'sales.customers', 'sales.orders', 'public.events']));
		expect(out.find((o) => o.json.name === 'public.test_inventory')!.json).toEqual({
			connectionId: greenplumId,
			name: 'public.test_inventory',
			path: 'public.test_inventory',
			type: 'table',
			canPreview: true,
			canFetchSchema: true,
		});
		expect(out.every((o) => (o.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('Get Table Schema: columns with XDM types', async () => {
		const [schema] = await explore('getTableSchema', { table: { __rl: true, mode: 'path', value: 'public.test_inventory' } });
		expect(schema.json).toMatchObject({ connectionId: greenplumId, table: 'public.test_inventory', format: 'flat', columnCount: 6 });
		expect(schema.json.columns).toEqual([
			{ name: 'sku', type: 'string', xdmType: 'string', xdmFormat: null, metaXdmType: null },
			{ name: 'qty', type: 'integer', xdmType: 'integer', xdmFormat: null, metaXdmType: null },
			{ name: 'price', type: 'double', xdmType: 'number', xdmFormat: null, metaXdmType: null },
			{ name: 'in_stock', type: 'boolean', xdmType: 'boolean', xdmFormat: null, metaXdmType: null },
			{ name: 'checked_at', type: 'string', xdmType: 'string', xdmFormat: 'date-time', metaXdmType: 'date-time' },
			{ name: 'label', type: 'string', xdmType: 'string', xdmFormat: null, metaXdmType: null },
		]);
		const perColumn = await explore('getTableSchema', { table: { __rl: true, mode: 'path', value: 'public.test_inventory' }, schemaOutput: 'columns' });
		expect(perColumn.map((o) => o.json.name)).toEqual(['sku', 'qty', 'price', 'in_stock', 'checked_at', 'label']);
	});

	test('Preview Rows: the rows the test inserted, typed, with nulls and non-ASCII', async () => {
		const rows = await explore('previewRows', { table: { __rl: true, mode: 'path', value: 'public.test_inventory' } });
		expect(rows.map((r) => r.json)).toEqual([
			{ sku: 'A-1', qty: 5, price: 9.99, in_stock: true, checked_at: '2025-01-02T03:04:05.000Z', label: 'Überraschung' },
			{ sku: 'B-2', qty: 0, price: 120, in_stock: false, checked_at: '2025-02-03T04:05:06.000Z', label: null },
		]);
		const limited = await explore('previewRows', { table: { __rl: true, mode: 'path', value: 'sales.customers' }, maxRows: 2, previewOutput: 'table' });
		expect(limited).toHaveLength(1);
		expect(limited[0].json).toMatchObject({ rowCount: 2, rows: [{ name: 'Ada Lovelace' }, { name: 'José Álvarez' }] });
	});

	test('a DB2 connection is answered from the same embedded database', async () => {
		const out = await explore('listTables', {}, db2Id);
		expect(out.map((o) => o.json.name)).toContain('sales.orders');
	});

	test('a table that does not exist: a Platform error, not a crash', async () => {
		const error = await failure(explore('getTableSchema', { table: { __rl: true, mode: 'path', value: 'public.nope' } }));
		expect(error.message).toBe('No columns found for table public.nope [400 FLOW-1330-400]');
	});

	test('wrong database password: a Platform-shaped error naming the login', async () => {
		const [bad] = await h.run(h.greenplum('explore wrong pw', { password: 'not-it' }));
		const error = await failure(explore('listTables', {}, String(bad.json.id)));
		expect(error.message).toMatch(/^Source connection failed: The database refused the login.* \[400 FLOW-1308-400\]$/);
	});

	test('unreachable database host: a Platform-shaped error', async () => {
		const [bad] = await h.run(h.greenplum('explore unreachable', { port: 1 }));
		const error = await failure(explore('listTables', {}, String(bad.json.id)));
		expect(error.message).toMatch(/^Source connection failed: The database could not be reached/);
	});

	test('Continue On Fail: a bad table gives one error item, the good one its rows', async () => {
		const items = [{ t: 'public.nope' }, { t: 'public.test_inventory' }];
		const cof = await h.run(
			{ resource: 'database', operation: 'previewRows', connection: byId(greenplumId), table: { __rl: true, mode: 'path', value: '={{ $json.t }}' } },
			{ items, onError: 'continueRegularOutput' },
		);
		expect(cof.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 1 }]);
		expect(cof[0].json).toMatchObject({ platformCode: 'FLOW-1330-400' });
		expect(cof[1].json.sku).toBe('A-1');
	});

	test('Continue On Fail for list tables and schema: a bad connection id is an error item', async () => {
		for (const operation of ['listTables', 'getTableSchema', 'test']) {
			const resource = operation === 'test' ? 'connection' : 'database';
			const out = await h.run(
				{ resource, operation, connection: byId('={{ $json.id }}'), table: { __rl: true, mode: 'path', value: 'sales.orders' } },
				{ items: [{ id: 'bad' }, { id: greenplumId }], onError: 'continueRegularOutput' },
			);
			expect(out[0].json.error).toBe('Connection is not a valid connection ID [item 0]');
			expect(out.slice(1).every((o) => (o.pairedItem as { item: number }).item === 1)).toBe(true);
		}
	});
});

describe('every connector of the PostgreSQL protocol family whose auth spec names a database login is explored on the embedded PostgreSQL', () => {
	/** Connector and auth method; the emulator answers their explore from the embedded database. MySQL and MariaDB speak another protocol: servers.test.ts. */
	const EXPLORED: Array<[string, string]> = [
		['greenplum', 'connectionString'],
		['ibmDb2', 'basic'],
		['redshift', 'basic'],
		['azureSynapse', 'connectionString'],
		['hpVertica', 'connectionString'],
		['sqlServer', 'connectionString'],
		['oracle', 'connectionString'],
		['oracle', 'basic'],
		['postgreSql', 'connectionString'],
		['postgreSql', 'basic'],
		['snowflake', 'basic'],
	];

	test.each(EXPLORED)('%s (%s): created with the credential, its tables listed', async (connector, auth) => {
		const [created] = await h.run({
			resource: 'connection',
			operation: 'create',
			connector,
			[`auth_${connector}`]: auth,
			name: `explored ${connector} ${auth}`,
			// What is not part of the login: an Oracle SID is the database the emulator explores.
			sid: h.stack.database.login.database,
			sslMode: 'Prefer',
			dbSchema: 'public',
			warehouse: 'COMPUTE_WH',
		});
		const tables = await explore('listTables', {}, String(created.json.id));
		expect(tables.map((o) => o.json.name)).toEqual(expect.arrayContaining(['sales.customers']));
	});

	test('a connector without a database login (Azure Databricks) says it cannot be explored, naming the Platform code', async () => {
		h.credentials.set('flowServiceDatabaseApi', { loginInput: 'accessToken', accessToken: 'dapi-token', database: 'delta' });
		let id: string;
		try {
			const [created] = await h.run({ resource: 'connection', operation: 'create', connector: 'databricks', name: 'delta lake', domain: 'https://adb-1.2.azuredatabricks.net', clusterId: '0123-456789-abcde123' });
			id = String(created.json.id);
		} finally {
			const { login } = h.stack.database;
			h.credentials.set('flowServiceDatabaseApi', { host: '127.0.0.1', port: String(h.stack.database.port), database: login.database, username: login.username, password: login.password });
		}
		const error = await failure(explore('listTables', {}, id));
		expect(error.message).toMatch(/not supported/i);
		expect(JSON.stringify(error)).toContain('1336-400');
	});
});
