import type { IDataObject } from 'n8n-workflow';

import { readConnectionString } from '../../../../../emulator/connectionString';
import { authSpecFile } from '../../../../../emulator/specs';
import { parseConnectionString } from '../../../../../nodes/AdobeFlowService/helpers/connectionString';
import { API_KEY, byId, CANARY, failure, ORG, TOKEN, useStack } from '../../../../../support/harness';

const h = useStack();

const storedConnection = (id: unknown) => h.stack.emulator.connections(ORG).find((c) => c.id === id)!;

describe('Create: the bodies Adobe documents', () => {
	test('IBM DB2 sends server host:port, database, authenticationType Basic, username, password', async () => {
		const [item] = await h.run(h.db2('IBM DB2 connection', { description: 'IBM DB2 test connection', host: 'db2.example.com', port: 50000, database: 'SAMPLE', username: 'db2inst1', password: 's3cret' }));
		const stored = storedConnection(item.json.id);
		expect({ name: stored.name, description: stored.description, auth: stored.auth, connectionSpec: stored.connectionSpec }).toEqual({
			name: 'IBM DB2 connection',
			description: 'IBM DB2 test connection',
			auth: {
				specName: 'Basic Authentication',
				params: { server: 'db2.example.com:50000', database: 'SAMPLE', authenticationType: 'Basic', username: 'db2inst1', password: 's3cret' },
			},
			connectionSpec: { id: '09182899-b429-40c9-a15a-bf3ddbc8ced7', version: '1.0' },
		});
	});

	test('GreenPlum sends one connection string HOST;PORT;DB;UID;PWD under its own spec, not the DB2 body', async () => {
		const [item] = await h.run(h.greenplum('GreenPlum test connection', { description: 'A test connection for a GreenPlum source', host: 'gp.example.com', port: 5432, database: 'warehouse', username: 'gpadmin', password: 'pw' }));
		const stored = storedConnection(item.json.id);
		expect(stored.connectionSpec).toEqual({ id: '37b6bf40-d318-4655-90be-5cd6f65d334b', version: '1.0' });
		expect(stored.auth).toEqual({
			specName: 'Basic Authentication',
			params: { connectionString: 'HOST=gp.example.com;PORT=5432;DB=warehouse;UID=gpadmin;PWD=pw' },
		});
	});

	test('a DB2 port may be left out: server is the host alone', async () => {
		const [item] = await h.run(h.db2('no port', { port: '' }));
		expect(storedConnection(item.json.id).auth.params.server).toBe('127.0.0.1');
	});

	test.each([
		['semicolon and equals', 'a;b=c'],
		['braces', 'x}y{z}}'],
		['surrounding spaces', '  spaced  '],
		['non-ASCII', 'pässwörd-密码-🔑'],
		['everything', ' ;={}}{;= '],
	])('a password with %s reaches the Platform meaning exactly what was typed', async (_, password) => {
		const [item] = await h.run(h.greenplum(`pw ${password}`, { password }));
		const connectionString = storedConnection(item.json.id).auth.params.connectionString;
		expect(parseConnectionString(connectionString).get('PWD')).toBe(password);
		expect(parseConnectionString(connectionString).get('UID')).toBe('analyst');
	});

	test('each item is sent its own login, also when logins alternate from item to item', async () => {
		const items = ['one', 'two', 'one', 'one'].map((pw, i) => ({ pw, i }));
		const out = await h.run(h.greenplum('={{ "alternating " + $json.i }}', { password: '={{ $json.pw }}' }), { items });
		const sent = out.map((item) => parseConnectionString(storedConnection(item.json.id).auth.params.connectionString).get('PWD'));
		expect(sent).toEqual(['one', 'two', 'one', 'one']);
	});

	test('a whole connection string is sent as given, after checking it names every key', async () => {
		const connectionString = 'HOST=gp.example.com;PORT=5432;DB=w;UID=u;PWD={a;b}';
		const [item] = await h.run(h.greenplum('whole', { credentialsInput: 'connectionString', connectionString }));
		expect(storedConnection(item.json.id).auth.params.connectionString).toBe(connectionString);
		const error = await failure(h.run(h.greenplum('whole bad', { credentialsInput: 'connectionString', connectionString: `HOST=h;PORT=1;DB=d;UID=u;PWD={${CANARY}` })));
		expect(error.message).toMatch(/^Connection String cannot be read: .*PWD.* \[item 0\]$/);
		expect(error.message).not.toContain(CANARY);
	});
});

describe('Create: output', () => {
	test('one item per input item, paired, with id, etag, name, connector and spec id, and no secret', async () => {
		const before = h.stack.emulator.stats.creates;
		const items = Array.from({ length: 50 }, (_, i) => ({ n: i }));
		const out = await h.run(h.greenplum('={{ "bulk " + $json.n }}', { password: CANARY }), { items });
		expect(out).toHaveLength(50);
		expect(h.stack.emulator.stats.creates - before).toBe(50);
		out.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toMatchObject({ name: `bulk ${i}`, connector: 'GreenPlum', connectionSpecId: '37b6bf40-d318-4655-90be-5cd6f65d334b', created: true });
			expect(item.json.id).toMatch(/^[0-9a-f-]{36}$/);
			expect(item.json.etag).toMatch(/^".+"$/);
		});
		expect(new Set(out.map((o) => o.json.id)).size).toBe(50);
		expect(JSON.stringify(out)).not.toContain(CANARY);
	});

	test('the created connection can be read back, with its secret masked by the Platform and left out by the node', async () => {
		const [created] = await h.run(h.db2('read back', { password: CANARY }));
		const [read] = await h.run({ resource: 'connection', operation: 'get', connection: byId(created.json.id) });
		expect(read.json).toMatchObject({ id: created.json.id, name: 'read back', state: 'enabled', auth: { specName: 'Basic Authentication' } });
		expect((read.json.auth as { params: object }).params).toEqual({ server: `127.0.0.1:${h.stack.database.port}`, database: 'sales', authenticationType: 'Basic', username: 'analyst' });
	});
});

describe('Create: validation before any request', () => {
	const cases: Array<[string, IDataObject, RegExp]> = [
		['blank name', { name: '   ' }, /^Name is blank \[item 0\]$/],
		['missing host', { host: '' }, /^Host is required \[item 0\]$/],
		['host with scheme', { host: 'jdbc://db.example.com' }, /^Host must not start with a scheme/],
		['host with path', { host: 'db.example.com/sales' }, /^Host must not contain a path/],
		['host with port', { host: 'db.example.com:5432' }, /^Host must not contain a port/],
		['host with space', { host: 'db example.com' }, /^Host is not a valid host name/],
		['port 0', { port: 0 }, /^Port must be a whole number between 1 and 65535/],
		['port 65536', { port: 65536 }, /^Port must be a whole number between 1 and 65535/],
		['port 5.5', { port: 5.5 }, /^Port must be a whole number between 1 and 65535/],
		['blank database', { database: ' ' }, /^Database is blank/],
		['blank username', { username: '' }, /^Username is required/],
		['blank password', { password: '' }, /^Password is required/],
		['whitespace password', { password: '   ' }, /^Password is blank/],
		['password with a line break', { password: 'a\nb' }, /^Password contains a control character/],
		['name from an object expression', { name: '={{ { a: 1 } }}' }, /^Name must be text, but it is an object/],
		['huge name', { name: 'n'.repeat(300) }, /^Name is longer than 256 characters/],
	];
	test.each(cases)('%s → NodeOperationError naming field and item, nothing sent', async (_, override, message) => {
		const before = h.stack.emulator.stats.requests;
		const error = await failure(h.run(h.greenplum('valid name', override)));
		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toMatch(message);
		expect(error.context.itemIndex).toBe(0);
		expect(h.stack.emulator.stats.requests).toBe(before);
	});

	test('the item index named is the failing one', async () => {
		const error = await failure(h.run(h.greenplum('={{ $json.name }}', { dryRun: true }), { items: [{ name: 'ok' }, { name: '' }] }));
		expect(error.message).toBe('Name is required [item 1]');
	});
});

describe('Create: Platform errors', () => {
	test('a gateway error keeps status, code and request id', async () => {
		h.credentials.set('flowServiceApi', { accessToken: 'expired-token', apiKey: API_KEY, imsOrgId: ORG, sandboxName: 'prod', baseUrl: h.stack.emulator.url });
		try {
			const error = await failure(h.run(h.greenplum('bad token')));
			expect(error.constructor.name).toBe('FlowServiceError');
			expect(error.message).toBe('Oauth token is not valid [401 401013]');
			expect(error.httpCode).toBe('401');
			expect(error.description).toMatch(/expired .*OAuth Server-to-Server.*Request ID: [0-9a-f-]{36}/);
		} finally {
			h.credentials.set('flowServiceApi', { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: ORG, sandboxName: 'prod', baseUrl: h.stack.emulator.url });
		}
	});

	test('a Flow Service error keeps its FLOW code and request id; the sandbox is sent in lower case', async () => {
		h.credentials.set('flowServiceApi', { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: ORG, sandboxName: ' PROD ', baseUrl: h.stack.emulator.url });
		await expect(h.run(h.greenplum('upper-case sandbox'))).resolves.toHaveLength(1);
		h.credentials.set('flowServiceApi', { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: ORG, sandboxName: 'nosuch', baseUrl: h.stack.emulator.url });
		try {
			const error = await failure(h.run(h.greenplum('unknown sandbox')));
			expect(error.message).toBe("The sandbox with the name 'nosuch' could not be found. Please ensure that the sandbox name is correct and try again. [404 FLOW-2100-404]");
			expect(error.description).toMatch(/Check the sandbox name.*Request ID: [0-9a-f-]{36}$/);
		} finally {
			h.credentials.set('flowServiceApi', { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: ORG, sandboxName: 'prod', baseUrl: h.stack.emulator.url });
		}
	});

	test('Continue On Fail: one error item per failed item, paired, the others created', async () => {
		const items = [{ name: 'good 1' }, { name: '' }, { name: 'good 2' }];
		const out = await h.run(h.greenplum('={{ $json.name }}', { password: CANARY }), { items, onError: 'continueRegularOutput' });
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.created).toBe(true);
		expect(out[1].json).toMatchObject({ error: 'Name is required [item 1]' });
		expect(out[2].json.created).toBe(true);
	});
});

describe('Dry run', () => {
	test('returns the body with secrets masked and sends nothing', async () => {
		const before = h.stack.emulator.stats.requests;
		const [item] = await h.run(h.greenplum('dry', { password: CANARY, options: { dryRun: true } }));
		expect(h.stack.emulator.stats.requests).toBe(before);
		expect(item.json).toMatchObject({ dryRun: true, body: { name: 'dry', auth: { specName: 'Basic Authentication' } } });
		expect(JSON.stringify(item.json)).not.toContain(CANARY);
		expect(JSON.stringify(item.json)).toContain('PWD=**********');
	});

	test('a whole connection string is masked too: its password and any key the connector does not know', async () => {
		const connectionString = "HOST=gp.example.com;PORT=5432;DB=w;UID=u;PWD={dry;secret};EXTRA=x";
		const [item] = await h.run(h.greenplum('dry whole', { credentialsInput: 'connectionString', connectionString, options: { dryRun: true } }));
		expect((item.json.body as { auth: { params: { connectionString: string } } }).auth.params.connectionString).toBe(
			'HOST=gp.example.com;PORT=5432;DB=w;UID=u;PWD=**********;EXTRA=**********',
		);
	});
});

afterAll(() => {
	// The canary password went to the Platform many times above: it must be nowhere a person could read.
	const everything = h.seen.join('\n') + h.stack.emulator.log.join('\n');
	expect(everything).not.toContain(CANARY);
});

describe('Create: one output shape', () => {
	test('the same keys whether it created or reused, description null when there is none', async () => {
		const [created] = await h.run(h.greenplum('shape check'));
		const [reused] = await h.run(h.greenplum('shape check'));
		expect(Object.keys(reused.json).sort()).toEqual(Object.keys(created.json).sort());
		expect(created.json).toMatchObject({ created: true, reused: false, recoveredAfterLostAnswer: false, description: null, connector: 'GreenPlum' });
		expect(reused.json).toMatchObject({ id: created.json.id, created: false, reused: true, recoveredAfterLostAnswer: false, description: null });
	});

	test('Get and Get Many: the same keys with or without a description, and the connector named', async () => {
		const [plain] = await h.run(h.greenplum('shape plain'));
		const [described] = await h.run(h.greenplum('shape described', { description: 'has one' }));
		const [a] = await h.run({ resource: 'connection', operation: 'get', connection: byId(plain.json.id) });
		const [b] = await h.run({ resource: 'connection', operation: 'get', connection: byId(described.json.id) });
		expect(Object.keys(a.json).sort()).toEqual(Object.keys(b.json).sort());
		expect(a.json).toMatchObject({ description: null, connector: 'GreenPlum' });
		expect(b.json).toMatchObject({ description: 'has one', connector: 'GreenPlum' });
		const many = await h.run({ resource: 'connection', operation: 'getMany', returnAll: true, filters: { name: 'shape plain' } });
		expect(Object.keys(many[0].json).sort()).toEqual(Object.keys(a.json).sort());
	});
});


describe('Create: every character that needs quoting, in each connector\'s connection-string family, read back by the emulator', () => {
	/** `;` `=` `{` `}` `"` `'` and a space at the end: each needs quoting in some family. */
	const HARD = 'p;w"d\'{x}=y ';
	/** What the Platform reads a stored connection's string with: the family of the emulator's own data file. */
	const readBack = (id: unknown) => {
		const stored = storedConnection(id);
		const layout = authSpecFile(stored.connectionSpec.id, stored.auth.specName)!.connectionString!;
		return { family: layout.family, pairs: readConnectionString(String(stored.auth.params[layout.param]), layout.family) };
	};
	const create = (connector: string, auth: string, name: string, extra: IDataObject) =>
		h.run({
			resource: 'connection',
			operation: 'create',
			connector,
			[`auth_${connector}`]: auth,
			name,
			databaseLogin: 'node',
			host: '127.0.0.1',
			port: 1433,
			database: 'sales',
			username: 'analyst',
			...extra,
		});

	test.each([
		['sqlServer', 'sqlClient', 'PASSWORD', {}],
		['azureSynapse', 'sqlClient', 'PASSWORD', {}],
		['greenplum', 'odbc', 'PWD', {}],
		['hpVertica', 'odbc', 'PWD', {}],
		['mariaDb', 'odbc', 'PWD', {}],
		['mySql', 'odbc', 'PWD', {}],
		['postgreSql', 'odbc', 'PASSWORD', {}],
		['oracle', 'odbc', 'PASSWORD', { sid: 'ORCL' }],
		['teradata', 'odbc', 'PWD', {}],
		['snowflake', 'jdbcUrl', 'PASSWORD', { account: 'acme', warehouse: 'COMPUTE_WH' }],
	])('%s, read as %s: its %s is exactly the password typed', async (connector, family, key, extra) => {
		const [item] = await create(connector, 'connectionString', `hard ${connector}`, { password: HARD, ...extra });
		const { family: read, pairs } = readBack(item.json.id);
		expect(read).toBe(family);
		expect(pairs[key]).toBe(HARD);
	});

	test.each([
		['couchbase', 'password', 'Password', 'PASS', { port: 8091 }],
		['azureTableStorage', 'accountKey', 'Account Key', 'ACCOUNTKEY', { accountName: 'acme' }],
	])('%s: every character but ";" reads back exactly; a ";" is refused before any request, the field and item named', async (connector, field, displayName, key, extra) => {
		const written = HARD.replace(';', '');
		const [item] = await create(connector, 'connectionString', `hard ${connector}`, { [field]: written, ...extra });
		expect(readBack(item.json.id).pairs[key]).toBe(written);
		const before = h.stack.emulator.stats.requests;
		const error = await failure(create(connector, 'connectionString', `hard ${connector} ;`, { [field]: `${CANARY};`, ...extra }));
		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toMatch(new RegExp(`^${displayName} contains ";", which a .+ connection string cannot hold \\[item 0\\]$`));
		expect(JSON.stringify(error)).not.toContain(CANARY);
		expect(h.stack.emulator.stats.requests).toBe(before);
	});

	test('SQL Server and Synapse: the other values of the login are quoted too, and the string holds no braces of its own', async () => {
		const [item] = await create('sqlServer', 'connectionString', 'hard login', { database: "sales'db", username: 'an;alyst', password: HARD });
		const { pairs } = readBack(item.json.id);
		expect(pairs).toMatchObject({ 'INITIAL CATALOG': "sales'db", 'USER ID': 'an;alyst', PASSWORD: HARD, 'INTEGRATED SECURITY': 'False' });
		expect(String(storedConnection(item.json.id).auth.params.connectionString)).not.toMatch(/=\{/);
	});
});
