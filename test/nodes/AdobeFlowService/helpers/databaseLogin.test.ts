/**
 * The Database Login credential read for one connector: which kind of login a connector takes, the
 * values it gets from the credential (an empty port: the connector's usual one), and the whole
 * connection string field with the help that says how to write one.
 */
import type { Connector } from '../../../../nodes/AdobeFlowService/connectors';
import { findConnector } from '../../../../nodes/AdobeFlowService/connectors';
import { connectionStringProperty, loginInput, loginKindName, loginKindOf } from '../../../../nodes/AdobeFlowService/helpers/databaseLogin';

const connector = (key: string, authKey?: string): Connector => findConnector(key, authKey)!;

describe('loginKindOf and loginKindName', () => {
	test("a connector's kind of login is that of the secret it signs in with", () => {
		expect(loginKindOf(connector('greenplum'))).toBe('fields');
		expect(loginKindOf(connector('snowflake', 'keyPair'))).toBe('keyPair');
		expect(loginKindOf(connector('databricks'))).toBe('accessToken');
		expect(loginKindOf(connector('azureDataExplorer'))).toBe('servicePrincipal');
	});

	test('a connector with no secret at all signs in with fields', () => {
		expect(loginKindOf({ fields: ['host', 'database'] })).toBe('fields');
	});

	test('a kind is named as the credential lists it; an unknown one as it is', () => {
		expect(loginKindName('accessToken')).toBe('Access Token');
		expect(loginKindName('connectionString')).toBe('Whole Connection String');
		expect(loginKindName('telepathy')).toBe('telepathy');
		expect(loginKindName(undefined)).toBe('undefined');
	});
});

describe('loginInput', () => {
	test('a whole connection string goes to a connector that takes one, as written', () => {
		expect(loginInput(connector('greenplum'), { loginInput: 'connectionString', connectionString: 'HOST=h;PWD={a;b}', password: 'ignored' })).toEqual({
			values: {},
			connectionString: 'HOST=h;PWD={a;b}',
			fromCredential: true,
		});
	});

	test('a whole connection string is not taken by a connector that takes none', () => {
		expect(loginInput(connector('ibmDb2'), { loginInput: 'connectionString', connectionString: 'HOST=h' })).toBeUndefined();
	});

	test('no Login Input means Username and Password: the login fields only, from the credential', () => {
		expect(loginInput(connector('ibmDb2'), { host: 'db2.example.com', port: '50001', database: 'SAMPLE', username: 'u', password: 'p', authenticationType: 'Kerberos' })).toEqual({
			values: { host: 'db2.example.com', port: '50001', database: 'SAMPLE', username: 'u', password: 'p' },
			fromCredential: true,
		});
	});

	test("an empty or missing port is the connector's usual one; another empty field stays empty", () => {
		const login = { loginInput: 'fields', host: 'h', database: '', username: 'u', password: 'p' };
		expect(loginInput(connector('ibmDb2'), { ...login, port: '' })?.values).toEqual({ host: 'h', port: 50000, database: '', username: 'u', password: 'p' });
		expect(loginInput(connector('ibmDb2'), login)?.values).toEqual({ host: 'h', port: 50000, database: '', username: 'u', password: 'p' });
	});

	test('an empty port for a connector with no usual port is left for validation to ask for', () => {
		expect(loginInput(connector('couchbase'), { host: 'h', port: '', username: 'u', password: 'p' })?.values).toEqual({ host: 'h', port: undefined, username: 'u', password: 'p' });
	});

	test('a login of another kind than the connector takes is not used; its own kind gives its login fields, not the ones kept in the node', () => {
		expect(loginInput(connector('greenplum'), { loginInput: 'accessToken', accessToken: 't' })).toBeUndefined();
		expect(loginInput(connector('databricks'), { host: 'h', password: 'p' })).toBeUndefined();
		expect(loginInput(connector('databricks'), { loginInput: 'accessToken', domain: 'd', clusterId: 'c', accessToken: 't', database: 'db' })).toEqual({
			values: { accessToken: 't', database: 'db' },
			fromCredential: true,
		});
	});
});

describe('connectionStringProperty', () => {
	const show = { show: { loginInput: ['connectionString'] } };
	const description = 'The whole connection string, sent to the Platform as written here';
	const field = { displayName: 'Connection String', name: 'connectionString', type: 'string', typeOptions: { password: true }, default: '', required: true, description, displayOptions: show };

	test('in the credential: a masked, required field whose hint covers both grammars', () => {
		expect(connectionStringProperty(show)).toEqual({
			...field,
			placeholder: 'e.g. HOST=db.example.com;PORT=5432;DB=sales;UID=reader;PWD={p;ss}',
			hint: 'Most connectors: a value holding ; = { or } goes in braces, with } doubled: PWD={p;ss}. SQL Server and Synapse: a value holding ; or a quote goes in double quotes, with " doubled: Password="p;ss".',
		});
	});

	test('an ODBC connector: its example and the brace rule', () => {
		expect(connectionStringProperty(show, connector('greenplum').layout)).toEqual({
			...field,
			placeholder: 'e.g. HOST=db.example.com;PORT=5432;DB=sales;UID=reader;PWD={p;ss}',
			hint: 'A value holding ; = { or } goes in braces, with } doubled: PWD={p;ss}',
		});
	});

	test('SQL Server: its example and the double-quote rule', () => {
		expect(connectionStringProperty(show, connector('sqlServer').layout)).toEqual({
			...field,
			placeholder: 'e.g. Data Source=sql.example.com;Initial Catalog=sales;User ID=reader;Password="p;ss"',
			hint: 'A value holding ; or a quote goes in double quotes, with " doubled: Password="p;ss"',
		});
	});

	test("a connector with a template: the template is the example, and there is no quoting to tell", () => {
		expect(connectionStringProperty(show, connector('couchbase').layout)).toEqual({
			...field,
			placeholder: 'e.g. Server=<host>; Port=<port>;AuthMech=1;CredString=[{"user": "<username>", "pass":"<password>"}];',
		});
	});

	test('a connector whose string has no documented form: neither example nor hint', () => {
		expect(connectionStringProperty(show, connector('hive').layout)).toEqual(field);
	});
});
