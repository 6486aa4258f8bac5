/**
 * The database login from the Database Login credential, the default for Create and Update: what it
 * sends, what it never shows, and how it names a problem in the credential.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { nodeProperties } from '../../../../../nodes/AdobeFlowService/actions/description';
import { AdobeFlowService } from '../../../../../nodes/AdobeFlowService/AdobeFlowService.node';
import { byId, CANARY, failure, ORG, useStack } from '../../../../../support/harness';

const h = useStack();

const storedConnection = (id: unknown) => h.stack.emulator.connections(ORG).find((c) => c.id === id)!;

const withLogin = h.withLogin;

const create = (connector: string, name: string, extra: IDataObject = {}) => ({ resource: 'connection', operation: 'create', connector, name, ...extra });

describe('Create with the Database Login credential', () => {
	test('it is the default: no login parameter in the node, the login from the credential reaches the Platform', async () => {
		const [item] = await withLogin({ password: CANARY }, async () => await h.run(create('greenplum', 'from credential')));
		const { login, port } = h.stack.database;
		expect(storedConnection(item.json.id).auth.params.connectionString).toBe(`HOST=127.0.0.1;PORT=${port};DB=${login.database};UID=${login.username};PWD={${CANARY.replace('}', '}}')}}`);
		expect(JSON.stringify(item)).not.toContain(CANARY);
		expect(item.json).toMatchObject({ created: true, connector: 'GreenPlum' });
	});

	test('values typed in the node are ignored while the login comes from the credential', async () => {
		const [item] = await h.run(create('greenplum', 'typed ignored', { host: 'typed.example.com', password: 'typed' }));
		expect(storedConnection(item.json.id).auth.params.connectionString).toContain('HOST=127.0.0.1;');
	});

	test("IBM DB2: authenticationType stays in the node; an empty port in the credential is the connector's usual one", async () => {
		const [item] = await withLogin({ host: 'db2.example.com', port: '' }, async () => await h.run(create('ibmDb2', 'db2 from credential', { authenticationType: 'Kerberos' })));
		expect(storedConnection(item.json.id).auth.params).toMatchObject({ server: 'db2.example.com:50000', authenticationType: 'Kerberos' });
	});

	test('a whole connection string in the credential is sent as given to GreenPlum', async () => {
		const connectionString = 'HOST=gp.example.com;PORT=5432;DB=w;UID=u;PWD={a;b}';
		const [item] = await withLogin({ loginInput: 'connectionString', connectionString }, async () => await h.run(create('greenplum', 'whole from credential')));
		expect(storedConnection(item.json.id).auth.params.connectionString).toBe(connectionString);
	});

	test('a connection string in the credential is refused for IBM DB2, before any request, naming the credential', async () => {
		const before = h.stack.emulator.log.length;
		const error = await failure(withLogin({ loginInput: 'connectionString', connectionString: 'HOST=h' }, async () => await h.run(create('ibmDb2', 'db2 whole'))));
		expect(error.message).toBe('Database Login credential holds a Whole Connection String login, which IBM DB2 does not take [item 0]');
		expect(error.description).toBe('Set its Login Input to Username and Password and fill in Host, Port, Database, Username, Password.');
		expect(h.stack.emulator.log.length).toBe(before);
	});

	test('a login of another kind (an access token where a password is taken) is refused before any request, saying which kind to choose', async () => {
		const before = h.stack.emulator.log.length;
		const error = await failure(withLogin({ loginInput: 'accessToken', accessToken: CANARY }, async () => await h.run(create('greenplum', 'token for greenplum'))));
		expect(error.message).toBe('Database Login credential holds a Access Token login, which GreenPlum does not take [item 0]');
		expect(error.description).toMatch(/^Set its Login Input to Username and Password/);
		expect(JSON.stringify(error)).not.toContain(CANARY);
		expect(h.stack.emulator.log.length).toBe(before);
	});

	test('a field missing from the credential is named as the credential’s', async () => {
		const error = await failure(withLogin({ password: '' }, async () => await h.run(create('greenplum', 'no password'))));
		expect(error.message).toBe('Password in the Database Login credential is required [item 0]');
		const bad = await failure(withLogin({ port: '70000' }, async () => await h.run(create('greenplum', 'bad port'))));
		expect(bad.message).toBe('Port in the Database Login credential must be a whole number between 1 and 65535 [item 0]');
	});

	test('Dry Run masks the password from the credential', async () => {
		const [item] = await withLogin({ password: CANARY }, async () => await h.run(create('greenplum', 'dry', { options: { dryRun: true } })));
		expect(JSON.stringify(item.json)).not.toContain(CANARY);
		expect(JSON.stringify(item.json)).toContain('PWD=**********');
	});
});

describe('Update with the Database Login credential', () => {
	test('rotating a password is changing the credential and running Update', async () => {
		const [created] = await h.run(create('greenplum', 'rotate via credential'));
		const [updated] = await withLogin({ password: CANARY }, async () => await h.run({ resource: 'connection', operation: 'update', connection: byId(created.json.id), updateCredentials: true, connector: 'greenplum' }));
		expect(updated.json.updated).toEqual(['credentials']);
		expect(storedConnection(created.json.id).auth.params.connectionString).toContain(`PWD={${CANARY.replace('}', '}}')}}`);
		expect(JSON.stringify(updated)).not.toContain(CANARY);
	});
});

describe('The node asks for the credential only where it is used', () => {
	const credential = new AdobeFlowService().description.credentials!.find((c) => c.name === 'flowServiceDatabaseApi')!;
	const databaseLogin = nodeProperties.filter((p) => p.name === 'databaseLogin');

	/** Whether n8n shows the credential for these parameters: n8n-workflow's own defaults and display rules. */
	const shown = (parameters: INodeParameters) => NodeHelpers.displayParameter(NodeHelpers.getNodeParameters(nodeProperties, parameters, true, false, null, null)!, credential, null, null);

	test('Create and Update, with From Credential the default', () => {
		expect(shown({ resource: 'connection', operation: 'create' })).toBe(true);
		expect(shown({ resource: 'connection', operation: 'create', databaseLogin: 'node' })).toBe(false);
		expect(shown({ resource: 'connection', operation: 'update', updateCredentials: true })).toBe(true);
		expect(shown({ resource: 'connection', operation: 'update' })).toBe(false);
		for (const operation of ['get', 'getMany', 'delete', 'test']) expect([operation, shown({ resource: 'connection', operation })]).toEqual([operation, false]);
		expect(shown({ resource: 'database', operation: 'listTables' })).toBe(false);
		expect(databaseLogin.map((p) => p.default)).toEqual(['credential', 'credential']);
		expect(databaseLogin.map((p) => p.displayOptions?.show?.operation)).toEqual([['create'], ['update']]);
		expect(databaseLogin[1].displayOptions?.show?.updateCredentials).toEqual([true]);
	});

	test("no parameter of the panel is taken out of it by n8n's editor for the credentials' sake", () => {
		// n8n's editor (isAuthRelatedParameter): the parameters a credential's displayOptions name are its
		// auth fields; every parameter named in an auth field's `show` conditions leaves the node's panel.
		const credentials = new AdobeFlowService().description.credentials!;
		const authFields = nodeProperties.filter((p) => credentials.some((c) => p.name in (c.displayOptions?.show ?? {})));
		expect([...new Set(authFields.map((p) => p.name))].sort()).toEqual(['authentication', 'databaseCredential']);
		const takenOut = authFields.flatMap((p) => Object.keys(p.displayOptions?.show ?? {}));
		expect(takenOut).toEqual([]);
	});

	test('typed login fields carry a notice that they are saved in the workflow, and show only when chosen', () => {
		const notice = nodeProperties.find((p) => p.name === 'typedLoginNotice' && p.displayOptions?.show?.operation?.includes('create'))!;
		expect(notice.type).toBe('notice');
		expect(notice.displayName).toMatch(/saved in the workflow/);
		expect(notice.displayOptions?.show?.databaseLogin).toEqual(['node']);
		for (const name of ['host', 'port', 'database', 'username', 'password', 'credentialsInput']) {
			for (const property of nodeProperties.filter((p) => p.name === name)) expect(property.displayOptions?.show?.databaseLogin).toEqual(['node']);
		}
		for (const property of nodeProperties.filter((p) => p.name === 'authenticationType')) expect(property.displayOptions?.show?.databaseLogin).toBeUndefined();
	});
});
