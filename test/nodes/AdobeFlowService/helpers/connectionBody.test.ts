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
