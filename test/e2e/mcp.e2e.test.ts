/**
 * Our node's tool variant exposed to any MCP client by n8n's MCP Server Trigger, in the pinned real
 * n8n (started, the workflow activated as the editor's toggle does), against the emulator: the
 * official MCP TypeScript client lists the tools and calls them over loopback.
 */
import { randomUUID } from 'node:crypto';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import type { Stack } from '../../emulator/stack';
import { startStack } from '../../emulator/stack';
import { byAi, flowServiceCredential, greenplumConnection, toolNode } from '../../support/agentTools';
import { API_KEY, ORG, TOKEN } from '../../support/harness';
import { ensureBuilt, ensureN8n, N8nInstance, restSession } from '../../support/n8n';

jest.setTimeout(300_000);

const WORKFLOW = 'aepMcpServer0001';
const PATH = 'aep-flow-service';

let stack: Stack;
let n8n: N8nInstance;
let client: Client;
let connectionId: string;

beforeAll(async () => {
	ensureBuilt();
	ensureN8n();
	stack = await startStack({ tokens: [TOKEN], apiKeys: [API_KEY] });
	connectionId = await greenplumConnection(stack, 'mcp explore');

	n8n = new N8nInstance();
	await n8n.importCredentials([flowServiceCredential(stack)]);
	await n8n.importWorkflow({
		id: WORKFLOW,
		name: 'AEP tools over MCP (test)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: randomUUID(), name: 'MCP Server Trigger', type: '@n8n/n8n-nodes-langchain.mcpTrigger', typeVersion: 2, position: [0, 0], webhookId: randomUUID(), parameters: { path: PATH } },
			toolNode('List Tables', [-100, 200], { resource: 'database', operation: 'listTables', connection: byAi('connectionId', 'The id of the connection whose database to explore') }),
			toolNode('Delete Connection', [100, 200], { resource: 'connection', operation: 'delete', connection: byAi('connectionId', 'The id of the connection to delete') }),
		],
		connections: {
			'List Tables': { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] },
			'Delete Connection': { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] },
		},
	});
	const url = await n8n.start();
	const call = await restSession(url);
	const { versionId } = (await call('GET', `/workflows/${WORKFLOW}`)) as { versionId: string };
	await call('POST', `/workflows/${WORKFLOW}/activate`, { versionId });

	client = new Client({ name: 'flow-service-tests', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(`${url}/mcp/${PATH}`)));
}, 900_000);

afterAll(async () => {
	await client?.close();
	await n8n?.stop();
	await stack?.close();
	n8n?.dispose();
});

const text = (result: unknown) => ((result as { content?: Array<{ type: string; text?: string }> }).content ?? []).map((part) => part.text ?? '').join('');

test('an MCP client lists our tools, each with its description for models and the one argument it needs', async () => {
	const { tools } = await client.listTools();
	const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
	expect(Object.keys(byName).sort()).toEqual(['Delete_Connection', 'List_Tables']);
	expect(byName.List_Tables.description).toMatch(/^Adobe Experience Platform Flow Service: List the tables .* It only reads\.$/);
	expect(byName.Delete_Connection.description).toMatch(/It changes the Platform, so it runs only where the tool allows changes\.$/);
	expect(Object.keys((byName.List_Tables.inputSchema as { properties?: object }).properties ?? {})).toEqual(['connectionId']);
});

test('calling List Tables explores the database behind the connection and answers with its tables', async () => {
	const explores = stack.emulator.stats.byRoute['GET /connections/{id}/explore'] ?? 0;
	const result = await client.callTool({ name: 'List_Tables', arguments: { connectionId } });
	expect(text(result)).toContain('sales.customers');
	expect(stack.emulator.stats.byRoute['GET /connections/{id}/explore']).toBeGreaterThan(explores);
});

test('calling Delete Connection with Allow Changes off is refused, and nothing is sent', async () => {
	const requests = stack.emulator.stats.requests;
	const result = await client.callTool({ name: 'Delete_Connection', arguments: { connectionId } });
	expect(text(result)).toContain('Allow Changes is off');
	expect(stack.emulator.stats.requests).toBe(requests);
	expect(stack.emulator.connections(ORG).some((c) => c.id === connectionId)).toBe(true);
});
