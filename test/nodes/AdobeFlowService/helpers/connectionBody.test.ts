import { CONNECTORS, findConnector } from '../../../../nodes/AdobeFlowService/connectors';
import { buildAuthParams, buildConnection } from '../../../../nodes/AdobeFlowService/helpers/connectionBody';
import { parseConnectionString } from '../../../../nodes/AdobeFlowService/helpers/connectionString';
import { MASK } from '../../../../nodes/AdobeFlowService/helpers/mask';
import { FieldError } from '../../../../nodes/AdobeFlowService/helpers/validation';

const db2 = findConnector('ibmDb2')!;
const greenplum = findConnector('greenplum')!;
const values = { host: 'db.example.com', port: 5432, database: 'sales', username: 'analyst', password: 'p;w=d}', authenticationType: '' };

test('DB2: one auth param per value, server as host:port, authenticationType defaulting to Basic', () => {
	const built = buildConnection(db2, { name: ' DB2 ', description: 'Sales', values: { ...values, port: 50000 } });
	expect(built.body).toEqual({
		name: 'DB2',
		description: 'Sales',
		auth: { specName: 'Basic Authentication', params: { server: 'db.example.com:50000', database: 'sales', authenticationType: 'Basic', username: 'analyst', password: 'p;w=d}' } },
		connectionSpec: { id: '09182899-b429-40c9-a15a-bf3ddbc8ced7', version: '1.0' },
	});
	expect(built.maskedBody.auth.params).toEqual({ ...built.body.auth.params, password: MASK });
	expect(built.secrets).toEqual(['p;w=d}']);
});

test('DB2 without a port: server is the host alone; no description, no description key', () => {
	const built = buildConnection(db2, { name: 'x', description: '', values: { ...values, port: '' } });
	expect(built.body.auth.params.server).toBe('db.example.com');
	expect(built.body).not.toHaveProperty('description');
});

test('GreenPlum: one connection string with the keys in order, a value that needs it in braces', () => {
	const built = buildConnection(greenplum, { name: 'gp', description: '', values });
	expect(built.body.auth.params).toEqual({ connectionString: 'HOST=db.example.com;PORT=5432;DB=sales;UID=analyst;PWD={p;w=d}}}' });
	expect(built.maskedBody.auth.params).toEqual({ connectionString: `HOST=db.example.com;PORT=5432;DB=sales;UID=analyst;PWD=${MASK}` });
	expect(built.secrets).toEqual(['p;w=d}', built.body.auth.params.connectionString]);
});

test('GreenPlum, a whole connection string: sent as given; masked except the keys known not to be secret', () => {
	const whole = 'HOST=h;PORT=1;DB=d;UID=u;PWD={a;b};SSLMODE=require';
	const auth = buildAuthParams(greenplum, { values: {}, connectionString: whole });
	expect(auth.params).toEqual({ connectionString: whole });
	expect(auth.masked.connectionString).toBe(`HOST=h;PORT=1;DB=d;UID=u;PWD=${MASK};SSLMODE=${MASK}`);
	expect(auth.secrets).toEqual([whole]);
});

test.each([
	['HOST=h;PORT=1;DB=d;UID=u', 'Connection String lacks PWD'],
	['HOST=h;PORT=1;DB=d;UID=u;PWD={open', 'Connection String cannot be read: The value for PWD has an unclosed "{"'],
])('a whole connection string that is not complete or readable: %s', (whole, message) => {
	expect(() => buildAuthParams(greenplum, { values: {}, connectionString: whole })).toThrow(message);
});

test('auth params alone (Update) need no name; every field is checked as on Create', () => {
	expect(buildAuthParams(db2, { values }).params.server).toBe('db.example.com:5432');
	expect(() => buildAuthParams(db2, { values: { ...values, host: 'https://db' } })).toThrow(FieldError);
	expect(() => buildAuthParams(greenplum, { values: { ...values, password: '' } })).toThrow('Password is required');
	expect(() => buildAuthParams(greenplum, { values: { ...values, port: '' } })).toThrow('Port is required');
});

test('the name is required and the description limited', () => {
	expect(() => buildConnection(greenplum, { name: '', description: '', values })).toThrow('Name is required');
	expect(() => buildConnection(greenplum, { name: 'x', description: 'd'.repeat(1025), values })).toThrow('Description is longer than 1024 characters');
});

describe('each connection string in its family\'s grammar', () => {
	/** Every character some family must quote, and a space at the end. */
	const hard = 'p;w"d\'{x}=y ';
	const login = { host: 'db.example.com', port: 1433, database: 'sales', username: 'analyst', password: hard };

	test('every connection string names its family and the evidence for it', () => {
		for (const entry of CONNECTORS) {
			for (const method of entry.auths) {
				const { layout } = method;
				if (layout.type === 'params') continue;
				if (layout.type !== 'whole') expect(['odbc', 'sqlClient', 'jdbcUrl', 'azureStorage', 'jsonCredString']).toContain(layout.family);
				expect(layout.evidence.length).toBeGreaterThan(20);
			}
		}
		const family = (key: string) => {
			const { layout } = findConnector(key, 'connectionString')!;
			return 'family' in layout ? layout.family : layout.type;
		};
		expect(Object.fromEntries(['sqlServer', 'azureSynapse', 'greenplum', 'hpVertica', 'mariaDb', 'mySql', 'oracle', 'postgreSql', 'teradata', 'snowflake', 'couchbase', 'azureTableStorage', 'hive'].map((k) => [k, family(k)]))).toEqual({
			sqlServer: 'sqlClient',
			azureSynapse: 'sqlClient',
			greenplum: 'odbc',
			hpVertica: 'odbc',
			mariaDb: 'odbc',
			mySql: 'odbc',
			oracle: 'odbc',
			postgreSql: 'odbc',
			teradata: 'odbc',
			snowflake: 'jdbcUrl',
			couchbase: 'jsonCredString',
			azureTableStorage: 'azureStorage',
			hive: 'whole',
		});
	});

	test('SQL Server: SqlClient quotes, not braces; the password reads back exactly', () => {
		const built = buildAuthParams(findConnector('sqlServer')!, { values: login });
		expect(built.params.connectionString).toBe('Data Source=db.example.com,1433;Initial Catalog=sales;Integrated Security=False;User ID=analyst;Password="p;w""d\'{x}=y "');
		expect(parseConnectionString(String(built.params.connectionString), 'sqlClient').get('PASSWORD')).toBe(hard);
		expect(built.masked.connectionString).toBe(`Data Source=db.example.com,1433;Initial Catalog=sales;Integrated Security=False;User ID=analyst;Password=${MASK}`);
	});

	test('Synapse: SqlClient quotes, not braces; the password reads back exactly', () => {
		const built = buildAuthParams(findConnector('azureSynapse')!, { values: { ...login, username: 'analyst@db' } });
		expect(built.params.connectionString).toBe(
			'Server=tcp:db.example.com,1433;Database=sales;User ID=analyst@db;Password="p;w""d\'{x}=y ";Trusted_Connection=False;Encrypt=True;Connection Timeout=30',
		);
		expect(parseConnectionString(String(built.params.connectionString), 'sqlClient').get('PASSWORD')).toBe(hard);
	});

	test('SQL Server, a whole connection string: read as SqlClient reads it, braces refused as the quoting they are not', () => {
		const whole = 'Data Source=h;Initial Catalog=d;User ID=u;Password="a;b""c"';
		const auth = buildAuthParams(findConnector('sqlServer')!, { values: {}, connectionString: whole });
		expect(auth.params.connectionString).toBe(whole);
		expect(auth.masked.connectionString).toBe(`DATA SOURCE=h;INITIAL CATALOG=d;USER ID=u;PASSWORD=${MASK}`);
		let error: FieldError | undefined;
		try {
			buildAuthParams(findConnector('sqlServer')!, { values: {}, connectionString: 'Data Source=h;Initial Catalog=d;User ID=u;Password={se;cret}' });
		} catch (e) {
			error = e as FieldError;
		}
		expect(error?.message).toBe('Connection String cannot be read: The connection string has a part without "=" (part 5)');
		expect(error?.hint).toMatch(/double quotes/);
		expect(`${error?.message} ${error?.hint}`).not.toContain('cret');
	});

	test('the ODBC families keep braces', () => {
		for (const key of ['greenplum', 'hpVertica', 'mariaDb', 'mySql', 'postgreSql']) {
			const built = buildAuthParams(findConnector(key, 'connectionString')!, { values: login });
			expect(String(built.params.connectionString)).toContain("={p;w\"d'{x}}=y }");
		}
	});

	test('Snowflake: the password percent-encoded in the JDBC URL', () => {
		const built = buildAuthParams(findConnector('snowflake', 'connectionString')!, { values: { account: 'acme', username: 'analyst', password: hard, database: 'sales', warehouse: 'wh' } });
		expect(built.params.connectionString).toBe("jdbc:snowflake://acme.snowflakecomputing.com/?user=analyst&password=p%3Bw%22d'%7Bx%7D%3Dy%20&db=sales&warehouse=wh");
	});

	test.each([
		['couchbase', { host: 'cb.example.com', port: 8091, username: 'analyst' }, 'password', 'Password'],
		['azureTableStorage', { accountName: 'acme' }, 'accountKey', 'Account Key'],
	])('%s cannot write ";": refused naming the field, never the value', (key, values, secretField, field) => {
		const secret = 'se;cret-9f2';
		expect(() => buildAuthParams(findConnector(key)!, { values: { ...values, [secretField]: secret } })).toThrow(
			new FieldError(field, `contains ";", which a ${findConnector(key)!.displayName} connection string cannot hold`),
		);
		try {
			buildAuthParams(findConnector(key)!, { values: { ...values, [secretField]: secret } });
		} catch (error) {
			expect(JSON.stringify({ ...(error as FieldError), message: (error as Error).message })).not.toContain('cret');
		}
	});

	test('Couchbase: everything else JSON-escaped in CredString', () => {
		const built = buildAuthParams(findConnector('couchbase')!, { values: { host: 'cb.example.com', port: 8091, username: 'an"a', password: 'p"d\'{x}=y ' } });
		expect(built.params.connectionString).toBe('Server=cb.example.com; Port=8091;AuthMech=1;CredString=[{"user": "an\\"a", "pass":"p\\"d\'{x}=y "}];');
	});
});

describe('MariaDB Basic: sslMode always sent, as the page\'s body has it', () => {
	const mariaDb = findConnector('mariaDb', 'basic')!;
	const login = { host: 'maria.example.com', database: 'sales', username: 'analyst', password: 's3cret' };

	test('the field starts at PREFERRED, and that is what is sent when it is left alone', () => {
		expect(mariaDb.defaults?.sslMode).toBe('PREFERRED');
		const built = buildAuthParams(mariaDb, { values: { ...login, sslMode: mariaDb.defaults?.sslMode } });
		expect(built.params).toEqual({ server: 'maria.example.com', database: 'sales', username: 'analyst', password: 's3cret', sslMode: 'PREFERRED' });
	});

	test('another documented mode is sent as chosen; an emptied one is refused before any request', () => {
		expect(buildAuthParams(mariaDb, { values: { ...login, sslMode: 'REQUIRED' } }).params.sslMode).toBe('REQUIRED');
		expect(() => buildAuthParams(mariaDb, { values: { ...login, sslMode: '' } })).toThrow(new FieldError('SSL Mode', 'is required'));
	});
});

describe('fields sent as numbers, booleans and optional values', () => {
	const phoenix = findConnector('phoenix')!;
	const login = { host: 'px.example.com', port: '8765', httpPath: '/hbasephoenix0', username: 'analyst', password: 's3cret' };

	test('Phoenix: the port as a JSON number, SSL as a JSON boolean, whether ticked or typed', () => {
		const built = buildAuthParams(phoenix, { values: { ...login, enableSsl: true } });
		expect(built.params).toStrictEqual({ host: 'px.example.com', username: 'analyst', password: 's3cret', port: 8765, httpPath: '/hbasephoenix0', enableSsl: true });
		expect(built.masked).toStrictEqual({ ...built.params, password: MASK });
		expect(buildAuthParams(phoenix, { values: { ...login, enableSsl: 'true' } }).params.enableSsl).toBe(true);
		expect(buildAuthParams(phoenix, { values: { ...login, enableSsl: false } }).params.enableSsl).toBe(false);
		expect(() => buildAuthParams(phoenix, { values: { ...login, enableSsl: 'yes' } })).toThrow('Enable SSL must be true or false');
	});

	test('a port is read as a port: a leading zero dropped, one out of range refused', () => {
		expect(buildAuthParams(db2, { values: { ...values, port: '05432' } }).params.server).toBe('db.example.com:5432');
		expect(() => buildAuthParams(db2, { values: { ...values, port: '70000' } })).toThrow('Port must be a whole number between 1 and 65535');
	});

	test('an optional field left empty is left out of the body, not sent empty', () => {
		const bigQuery = findConnector('bigQuery')!;
		const built = buildAuthParams(bigQuery, { values: { project: 'p', clientId: 'c', clientSecret: 'cs', refreshToken: 'rt', largeResultsDataSetId: '' } });
		expect(Object.keys(built.params)).toEqual(['project', 'clientId', 'clientSecret', 'refreshToken']);
		expect(Object.keys(built.masked)).toEqual(['project', 'clientId', 'clientSecret', 'refreshToken']);
		const withPort = { ...phoenix, optional: ['port' as const] };
		expect(Object.keys(buildAuthParams(withPort, { values: { ...login, port: '' } }).params)).not.toContain('port');
	});

	test('an optional secret left empty: no error, not sent, and not counted among the secrets', () => {
		const keyPair = findConnector('snowflake', 'keyPair')!;
		const built = buildAuthParams(keyPair, { values: { account: 'acme', username: 'analyst', database: 'sales', warehouse: 'wh', privateKey: 'a2V5', privateKeyPassphrase: '' } });
		expect(Object.keys(built.params)).toEqual(['account', 'username', 'database', 'privateKey', 'warehouse']);
		expect(built.secrets).toEqual(['a2V5']);
		const connection = buildConnection(keyPair, { name: 'kp', description: '', values: { account: 'acme', username: 'analyst', database: 'sales', warehouse: 'wh', privateKey: 'a2V5', privateKeyPassphrase: '' } });
		expect(connection.secrets).toEqual(['a2V5']);
	});

	test('a field sent as a boolean or number, whatever its kind: typed "true" is true, a secret is masked', () => {
		const custom = {
			...phoenix,
			fields: ['sslMode', 'password', 'port'] as Array<'sslMode' | 'password' | 'port'>,
			optional: ['port' as const],
			layout: { type: 'params' as const, params: { ssl: { field: 'sslMode' as const, as: 'boolean' as const }, pin: { field: 'password' as const, as: 'number' as const }, port: { field: 'port' as const, as: 'number' as const } } },
		};
		expect(buildAuthParams(custom, { values: { sslMode: 'true', password: '1234', port: '' } })).toStrictEqual({ params: { ssl: true, pin: 1234 }, masked: { ssl: true, pin: MASK }, secrets: ['1234'] });
		expect(buildAuthParams(custom, { values: { sslMode: 'false', password: '1234', port: '' } }).params.ssl).toBe(false);
	});
});

test('a connection string key whose optional field is left empty is written empty', () => {
	const sqlServer = findConnector('sqlServer')!;
	const built = buildAuthParams({ ...sqlServer, optional: ['port', 'database'] }, { values: { host: 'h', port: '', database: '', username: 'u', password: 'p' } });
	expect(built.params.connectionString).toBe('Data Source=h;Initial Catalog=;Integrated Security=False;User ID=u;Password=p');
});

describe('errors that point to the Database Login credential', () => {
	test('a login field given there is named as in the credential; a field of the node is not', () => {
		expect(() => buildAuthParams(greenplum, { values: { ...values, password: '' }, fromCredential: true })).toThrow('Password in the Database Login credential is required');
		const mariaDb = findConnector('mariaDb', 'basic')!;
		expect(() => buildAuthParams(mariaDb, { values: { host: 'h', database: 'd', username: 'u', password: 'p', sslMode: '' }, fromCredential: true })).toThrow(new FieldError('SSL Mode', 'is required'));
	});

	test('a value a connection string cannot hold, given in the credential', () => {
		expect(() => buildAuthParams(findConnector('couchbase')!, { values: { host: 'cb.example.com', port: 8091, username: 'analyst', password: 'se;cret' }, fromCredential: true })).toThrow(
			'Password in the Database Login credential contains ";"',
		);
	});

	test('a whole connection string given in the credential', () => {
		expect(() => buildAuthParams(greenplum, { values: {}, connectionString: '', fromCredential: true })).toThrow('Connection String in the Database Login credential is required');
	});
});

describe('whole connection strings', () => {
	test('Hive takes only a whole string, sent as given, spaces and all, and shown as fully masked', () => {
		const hive = findConnector('hive')!;
		const whole = ' jdbc:hive2://h:10001/;transportMode=http ';
		const auth = buildAuthParams(hive, { values: {}, connectionString: whole });
		expect(auth).toStrictEqual({ params: { connectionString: whole }, masked: { connectionString: MASK }, secrets: [whole] });
		expect(() => buildAuthParams(hive, { values: {} })).toThrow('Connection String is required');
	});

	test('a whole string may be long, up to the connection string limit', () => {
		const long = `HOST=h;PORT=1;DB=d;UID=u;PWD=${'x'.repeat(3000)}`;
		expect(buildAuthParams(greenplum, { values: {}, connectionString: long }).params.connectionString).toBe(long);
		expect(() => buildAuthParams(greenplum, { values: {}, connectionString: `${long}${'x'.repeat(1100)}` })).toThrow('Connection String is longer than 4096 characters');
	});

	test('a string lacking several keys: each named, and the hint lists every key it needs', () => {
		let error: FieldError | undefined;
		try {
			buildAuthParams(greenplum, { values: {}, connectionString: 'HOST=h;PORT=1;DB=d' });
		} catch (e) {
			error = e as FieldError;
		}
		expect(error?.message).toBe('Connection String lacks UID, PWD');
		expect(error?.hint).toBe('A GreenPlum connection string has HOST, PORT, DB, UID, PWD');
	});

	test('a connector that takes fields only ignores a connection string given alongside them', () => {
		expect(buildAuthParams(db2, { values, connectionString: 'HOST=h;PWD=x' }).params).toEqual({
			server: 'db.example.com:5432',
			database: 'sales',
			authenticationType: 'Basic',
			username: 'analyst',
			password: 'p;w=d}',
		});
	});
});

test('template connection strings are shown with every secret masked and nothing else', () => {
	const couchbase = buildAuthParams(findConnector('couchbase')!, { values: { host: 'cb.example.com', port: 8091, username: 'analyst', password: 'pw' } });
	expect(couchbase.masked.connectionString).toBe(`Server=cb.example.com; Port=8091;AuthMech=1;CredString=[{"user": "analyst", "pass":"${MASK}"}];`);
	expect(couchbase.secrets).toEqual(['pw', couchbase.params.connectionString]);
	const snowflake = buildAuthParams(findConnector('snowflake', 'connectionString')!, { values: { account: 'acme', username: 'analyst', password: 'pw', database: 'sales', warehouse: 'wh' } });
	expect(snowflake.masked.connectionString).toBe(`jdbc:snowflake://acme.snowflakecomputing.com/?user=analyst&password=${MASK}&db=sales&warehouse=wh`);
});

describe('the connection\'s head', () => {
	test('the name kept without a description; a name over 256 characters refused', () => {
		expect(buildConnection(db2, { name: 'x', description: '', values }).body.name).toBe('x');
		expect(buildConnection(db2, { name: 'n'.repeat(256), description: '', values }).body.name).toHaveLength(256);
		expect(() => buildConnection(db2, { name: 'n'.repeat(257), description: '', values })).toThrow('Name is longer than 256 characters');
	});

	test('an auth method with an auth type sends it beside the spec name', () => {
		const built = buildConnection(findConnector('bigQuery')!, { name: 'bq', description: '', values: { project: 'p', clientId: 'c', clientSecret: 'cs', refreshToken: 'rt' } });
		expect(built.body.auth).toStrictEqual({ specName: 'Basic Authentication', type: 'OAuth2.0', params: { project: 'p', clientId: 'c', clientSecret: 'cs', refreshToken: 'rt' } });
		expect(built.maskedBody.auth).toStrictEqual({ specName: 'Basic Authentication', type: 'OAuth2.0', params: { project: 'p', clientId: 'c', clientSecret: MASK, refreshToken: MASK } });
	});
});
