/**
 * Our built package inside a real, pinned n8n: workflows imported and run with `n8n execute`,
 * against the emulator and the embedded database.
 */
import { readFileSync } from 'node:fs';

import type { Stack } from '../../emulator/stack';
import { startStack } from '../../emulator/stack';
import type { CredentialImport, Execution } from '../../support/n8n';
import { ensureBuilt, ensureN8n, itemsOf, loadExample, N8nInstance } from '../../support/n8n';
import { API_KEY, CANARY, CLIENT_SECRET, ORG, TOKEN } from '../../support/harness';

jest.setTimeout(300_000);

let stack: Stack;
let n8n: N8nInstance;
const CRED = 'aepFlowSvcCred01';
const S2S_CRED = 'aepFlowSvcS2S001';
const BAD_CRED = 'aepFlowSvcBad001';
const BAD_S2S_CRED = 'aepFlowSvcBadS2S';
/** Saved before the API key field was renamed: the key under `clientId`, no `apiKey`. */
const OLD_CRED = 'aepFlowSvcOld001';
const DB_LOGIN = 'aepSourceDbLogin';
/** The sample database's password, kept in the Database Login credential the examples use. */
const DB_PASSWORD = 'analyst-pw';

function expectSuccess(execution: Execution): void {
	if (execution.exitCode !== 0 || execution.result?.status !== 'success') {
		throw new Error(`The execution did not succeed (exit ${execution.exitCode}):\n${execution.output.slice(-3000)}`);
	}
}

/** A login typed into the node instead (Database Login: Typed in This Node); saved in the workflow, so not the credential's password. */
const typed = () => ({ databaseLogin: 'node', host: '127.0.0.1', port: stack.database.port, database: 'sales', username: 'analyst', password: 'typed-in-node' });

/** Points every Flow Service node of a workflow at another credential. */
function useCredential<W extends { nodes: Array<Record<string, unknown>> }>(workflow: W, type: string, id: string, authentication = "accessToken"): W {
	for (const node of workflow.nodes) {
		if (!node.credentials) continue;
		const { flowServiceDatabaseApi } = node.credentials as Record<string, unknown>;
		node.credentials = { [type]: { id, name: id }, ...(flowServiceDatabaseApi ? { flowServiceDatabaseApi } : {}) };
		node.parameters = { ...(node.parameters as object), authentication };
	}
	return workflow;
}

beforeAll(async () => {
	ensureBuilt();
	ensureN8n();
	stack = await startStack({ tokens: [TOKEN], apiKeys: [API_KEY], imsClients: [{ clientId: API_KEY, clientSecret: CLIENT_SECRET }] });
	n8n = new N8nInstance();
	const execute = n8n.execute.bind(n8n);
	n8n.execute = async (id) => {
		const run = await execute(id);
		printed.push(run.output);
		return run;
	};
	const platform = { imsOrgId: ORG, sandboxName: 'prod', baseUrl: stack.emulator.url };
	const credentials: CredentialImport[] = [
		{ id: CRED, name: 'Flow Service API', type: 'flowServiceApi', data: { accessToken: TOKEN, apiKey: API_KEY, ...platform } },
		{ id: BAD_CRED, name: 'Expired token', type: 'flowServiceApi', data: { accessToken: 'expired-token', apiKey: API_KEY, ...platform } },
		{ id: OLD_CRED, name: 'Saved with clientId', type: 'flowServiceApi', data: { accessToken: TOKEN, clientId: API_KEY, ...platform } },
		{ id: S2S_CRED, name: 'Server-to-Server', type: 'flowServiceServerToServerApi', data: { accessToken: '', clientId: API_KEY, clientSecret: CLIENT_SECRET, scopes: 'openid,AdobeID', imsTokenUrl: stack.emulator.imsTokenUrl, ...platform } },
		{ id: DB_LOGIN, name: 'Source database login', type: 'flowServiceDatabaseApi', data: { loginInput: 'fields', host: '127.0.0.1', port: String(stack.database.port), database: 'sales', username: 'analyst', password: DB_PASSWORD } },
		{ id: BAD_S2S_CRED, name: 'Wrong secret', type: 'flowServiceServerToServerApi', data: { accessToken: '', clientId: API_KEY, clientSecret: `${CANARY}-wrong`, scopes: 'openid', imsTokenUrl: stack.emulator.imsTokenUrl, ...platform } },
	];
	await n8n.importCredentials(credentials);
}, 900_000);

const printed: string[] = [];

afterAll(async () => {
	// Everything n8n printed in every run, and the emulator's log: no secret of any credential.
	const seen = printed.join('\n') + (stack?.emulator.log.join('\n') ?? '');
	await stack?.close();
	n8n?.dispose();
	for (const secret of [TOKEN, CLIENT_SECRET, CANARY]) expect(seen).not.toContain(secret);
});

test('schedule → create GreenPlum → list tables → schema → preview: the id reaches the next node, real tables and rows come out', async () => {
	const workflow = loadExample('greenplum-create-and-explore.json', { 'Create GreenPlum Connection': { name: 'e2e greenplum' } });
	// The canary stands in for a real password: it goes to the Platform, and must come out nowhere.
	workflow.nodes.push({ id: 'decoy', name: 'Decoy Connection', type: 'CUSTOM.adobeFlowService', typeVersion: 1, position: [220, 200], parameters: { ...typed(), resource: 'connection', operation: 'create', connector: 'greenplum', name: 'decoy', password: CANARY }, credentials: { flowServiceApi: { id: CRED, name: 'Flow Service API' } } });
	(workflow as unknown as { connections: Record<string, unknown> }).connections['Run Now'] = { main: [[{ node: 'Create GreenPlum Connection', type: 'main', index: 0 }, { node: 'Decoy Connection', type: 'main', index: 0 }]] };
	await n8n.importWorkflow(workflow);
	const run = await n8n.execute(workflow.id);
	expectSuccess(run);
	const [created] = itemsOf(run.result, 'Create GreenPlum Connection');
	expect(created.json).toMatchObject({ name: 'e2e greenplum', connector: 'GreenPlum', created: true });
	const tables = itemsOf(run.result, 'List Tables');
	expect(tables.map((t) => t.json.name)).toEqual(expect.arrayContaining(['sales.customers', 'sales.orders', 'public.events']));
	expect(tables.every((t) => t.json.connectionId === created.json.id)).toBe(true);
	const schemas = itemsOf(run.result, 'Get Table Schema');
	expect(schemas).toHaveLength(tables.length);
	schemas.forEach((schema, i) => expect(schema.pairedItem).toEqual({ item: i }));
	const customers = schemas.find((s) => s.json.table === 'sales.customers')!;
	expect((customers.json.columns as Array<{ name: string }>).map((c) => c.name)).toEqual(['id', 'name', 'email', 'city', 'is_active', 'lifetime_value', 'created_at']);
	const rows = itemsOf(run.result, 'Preview Rows');
	expect(rows.map((r) => r.json.name)).toEqual(expect.arrayContaining(['Ada Lovelace', 'José Álvarez', '山田 太郎']));
	expect(rows.every((r) => typeof (r.pairedItem as { item: number }).item === 'number')).toBe(true);
});

test('nightly: table → dataset. The run reads as many rows as the table has; run again, it makes nothing new', async () => {
	const workflow = loadExample('nightly-table-to-dataset.json');
	await n8n.importWorkflow(workflow);
	const first = await n8n.execute(workflow.id);
	expectSuccess(first);
	const rows = Number((await stack.database.query('SELECT count(*) AS n FROM sales.customers'))[0].n);
	const [report] = itemsOf(first.result, 'Report');
	expect(report.json).toMatchObject({ status: 'success', recordsRead: rows, recordsWritten: rows, recordsFailed: 0, unmatchedColumns: [] });
	// The schema's fields no column matched are shown beside the columns no field matched.
	expect(report.json.unmatchedSchemaFields).toEqual(itemsOf(first.result, 'Map Columns by Name')[0].json.unmatchedFields);
	expect((report.json.unmatchedSchemaFields as string[]).length).toBeGreaterThan(0);
	const creators = ['Connect Warehouse', 'Source: the Table', 'Target: the Dataset', 'Map Columns by Name', 'Nightly Dataflow'];
	for (const node of creators) expect([node, itemsOf(first.result, node)[0].json.created]).toEqual([node, true]);
	const { pipeline } = stack.emulator;
	const counts = () => [stack.emulator.connections(ORG).length, ...[pipeline.connections.sources, pipeline.connections.targets, pipeline.mappingSets.sets, pipeline.flows.flows, pipeline.runs.runs].map((b) => b.bucket(ORG, 'prod').size)];
	const before = counts();
	const second = await n8n.execute(workflow.id);
	expectSuccess(second);
	for (const node of creators) {
		expect([node, itemsOf(second.result, node)[0].json]).toEqual([node, expect.objectContaining({ id: itemsOf(first.result, node)[0].json.id, reused: true })]);
	}
	expect(counts()).toEqual(before);
	expect(itemsOf(second.result, 'Report')[0].json).toMatchObject({ status: 'success', recordsRead: rows });
});

test('create DB2 → a built-in Set node reads {{ $json.id }}', async () => {
	const workflow = loadExample('db2-create-then-use-id.json', { 'Create DB2 Connection': { name: 'e2e db2' } });
	await n8n.importWorkflow(workflow);
	const run = await n8n.execute(workflow.id);
	expectSuccess(run);
	const [created] = itemsOf(run.result, 'Create DB2 Connection');
	const [kept] = itemsOf(run.result, 'Keep Connection ID');
	expect(kept.json).toEqual({ connectionId: created.json.id, connectionName: 'e2e db2' });
	expect(stack.emulator.connections(ORG).find((c) => c.id === created.json.id)?.auth.params.server).toBe(`127.0.0.1:${stack.database.port}`);
});

test('get many → filter → delete: only the matching connections go', async () => {
	stack.emulator.seedConnections(ORG, 'prod', 5, (i) => ({ name: i < 3 ? `tmp-${i}` : `keep-${i}` }));
	const before = stack.emulator.connections(ORG).length;
	const workflow = loadExample('delete-connections-by-name.json');
	await n8n.importWorkflow(workflow);
	const run = await n8n.execute(workflow.id);
	expectSuccess(run);
	expect(itemsOf(run.result, 'Delete Connection').map((d) => d.json.deleted)).toEqual([true, true, true]);
	const names = stack.emulator.connections(ORG).map((c) => c.name);
	expect(names.filter((n) => n.startsWith('tmp-'))).toEqual([]);
	expect(stack.emulator.connections(ORG)).toHaveLength(before - 3);
});

test('a credential saved with the old clientId field still lists connections', async () => {
	stack.emulator.seedConnections(ORG, 'prod', 1, () => ({ name: 'listed with clientId' }));
	const workflow = useCredential(loadExample('delete-connections-by-name.json'), 'flowServiceApi', OLD_CRED);
	workflow.id = 'aepOldClientId01';
	workflow.nodes = workflow.nodes.filter((node) => node.name === 'Start' || node.name === 'Get Connections');
	(workflow as unknown as { connections: Record<string, unknown> }).connections = { Start: { main: [[{ node: 'Get Connections', type: 'main', index: 0 }]] } };
	await n8n.importWorkflow(workflow);
	const run = await n8n.execute(workflow.id);
	expectSuccess(run);
	expect(itemsOf(run.result, 'Get Connections').length).toBe(stack.emulator.connections(ORG).length);
});

test('a wrong token fails the execution with the Platform error', async () => {
	const workflow = useCredential(loadExample('db2-create-then-use-id.json', {}), 'flowServiceApi', BAD_CRED);
	workflow.id = 'aepBadTokenRun01';
	await n8n.importWorkflow(workflow);
	const run = await n8n.execute(workflow.id);
	expect(run.exitCode).not.toBe(0);
	expect(run.output).toContain('Oauth token is not valid [401 401013]');
});

test('Continue (using error output): the bad item goes to the error output, paired; the good one is created', async () => {
	const workflow = loadExample('db2-create-then-use-id.json', { 'Create DB2 Connection': { ...typed(), name: '={{ $json.name }}' } });
	workflow.id = 'aepErrorOutput01';
	const code = { id: 'code', name: 'Two Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [100, 0], parameters: { jsCode: "return [{ json: { name: 'good one' } }, { json: { name: '' } }];" } };
	const failed = { id: 'failed', name: 'Failed Items', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, 200], parameters: {} };
	workflow.nodes.push(code, failed);
	const create = workflow.nodes.find((n) => n.name === 'Create DB2 Connection')!;
	create.onError = 'continueErrorOutput';
	Object.assign(workflow as unknown as { connections: object }, {
		connections: {
			Start: { main: [[{ node: 'Two Items', type: 'main', index: 0 }]] },
			'Two Items': { main: [[{ node: 'Create DB2 Connection', type: 'main', index: 0 }]] },
			'Create DB2 Connection': { main: [[{ node: 'Keep Connection ID', type: 'main', index: 0 }], [{ node: 'Failed Items', type: 'main', index: 0 }]] },
		},
	});
	await n8n.importWorkflow(workflow);
	const run = await n8n.execute(workflow.id);
	expectSuccess(run);
	expect(itemsOf(run.result, 'Keep Connection ID').map((i) => i.json.connectionName)).toEqual(['good one']);
	const errors = itemsOf(run.result, 'Failed Items');
	expect(errors).toHaveLength(1);
	expect(errors[0].json.error).toBe('Name is required [item 1]');
	expect(itemsOf(run.result, 'Create DB2 Connection', 1)[0].pairedItem).toEqual({ item: 1 });
});

test('the example workflows, as n8n exports them, hold no password; n8n keeps the database login encrypted', async () => {
	const examples = ['greenplum-create-and-explore.json', 'db2-create-then-use-id.json', 'delete-connections-by-name.json', 'nightly-table-to-dataset.json'].map((name) => loadExample(name));
	for (const workflow of examples) await n8n.importWorkflow(workflow);
	const exported = await n8n.exportWorkflows();
	expect(exported.map((w) => w.id)).toEqual(expect.arrayContaining(examples.map((w) => w.id)));
	for (const workflow of exported.filter((w) => examples.some((e) => e.id === w.id))) {
		const text = JSON.stringify(workflow);
		expect(text).not.toContain(DB_PASSWORD);
		expect(text).not.toMatch(/"(password|connectionString|accessToken|clientSecret)"/);
	}
	// Exported as stored: ciphertext, without the password; decrypted, the password is there.
	const stored = (await n8n.storedCredentials()).find((c) => c.id === DB_LOGIN)!;
	expect(typeof stored.data).toBe('string');
	expect(String(stored.data)).not.toContain(DB_PASSWORD);
	expect((await n8n.exportCredentials()).find((c) => c.id === DB_LOGIN)!.data.password).toBe(DB_PASSWORD);
	// n8n's database file, byte for byte: the password appears nowhere in it.
	expect(n8n.databaseFiles().length).toBeGreaterThan(0);
	for (const file of n8n.databaseFiles()) expect(readFileSync(file).includes(Buffer.from(DB_PASSWORD))).toBe(false);
});

describe('OAuth Server-to-Server in n8n', () => {
	const workflowFor = (id: string, items: number) => {
		const workflow = useCredential(loadExample('db2-create-then-use-id.json', { 'Create DB2 Connection': { name: `={{ "s2s ${id} " + $json.n }}` } }), 'flowServiceServerToServerApi', S2S_CRED, 'serverToServer');
		workflow.id = id;
		workflow.nodes.push({ id: 'c', name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [100, 0], parameters: { jsCode: `return Array.from({ length: ${items} }, (_, n) => ({ json: { n } }));` } });
		Object.assign(workflow as unknown as { connections: object }, {
			connections: {
				Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
				Items: { main: [[{ node: 'Create DB2 Connection', type: 'main', index: 0 }]] },
				'Create DB2 Connection': { main: [[{ node: 'Keep Connection ID', type: 'main', index: 0 }]] },
			},
		});
		return workflow;
	};

	test('one token for many items and for the next execution; a new one, once, after it expires; nothing lost', async () => {
		const issuedBefore = stack.emulator.stats.tokensIssued;
		const first = workflowFor('aepS2SFirstRun01', 20);
		await n8n.importWorkflow(first);
		const run1 = await n8n.execute(first.id);
		expectSuccess(run1);
		expect(itemsOf(run1.result, 'Keep Connection ID')).toHaveLength(20);
		expect(stack.emulator.stats.tokensIssued - issuedBefore).toBe(1);

		const run2 = await n8n.execute(first.id);
		expectSuccess(run2);
		expect(stack.emulator.stats.tokensIssued - issuedBefore).toBe(1);

		// The token expires between two scheduled runs.
		stack.emulator.expireTokens();
		const run3 = await n8n.execute(first.id);
		expectSuccess(run3);
		expect(itemsOf(run3.result, 'Keep Connection ID')).toHaveLength(20);
		expect(stack.emulator.stats.tokensIssued - issuedBefore).toBe(2);
		const stored = (await n8n.exportCredentials()).find((c) => c.id === S2S_CRED)!;
		expect(String(stored.data.accessToken)).toMatch(/^ims-/);
	});

	test('a wrong client secret fails clearly, without the secret', async () => {
		const workflow = workflowFor('aepS2SWrongSec01', 1);
		useCredential(workflow, 'flowServiceServerToServerApi', BAD_S2S_CRED, 'serverToServer');
		await n8n.importWorkflow(workflow);
		const run = await n8n.execute(workflow.id);
		expect(run.exitCode).not.toBe(0);
		expect(run.output).toContain('Adobe IMS refused the token request (invalid_client: invalid client_secret parameter)');
		expect(run.output).not.toContain(CANARY);
	});
});
