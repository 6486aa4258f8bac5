/**
 * Our node as an AI agent's tool in the pinned real n8n: n8n's AI Agent with the OpenAI Chat Model,
 * whose credential points at a local fake OpenAI-compatible server (support/fakeOpenAi.ts), and the
 * tool variant n8n makes of our node (`adobeFlowServiceTool`) on its ai_tool input, against the
 * emulator. The fake calls the tool it is offered, then answers with what the tool returned.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Stack } from '../../emulator/stack';
import { startStack } from '../../emulator/stack';
import type { FakeOpenAi } from '../../support/fakeOpenAi';
import { FAKE_MODEL, FINAL_PREFIX, startFakeOpenAi } from '../../support/fakeOpenAi';
import type { Execution } from '../../support/n8n';
import { ensureBuilt, ensureN8n, itemsOf, N8nInstance } from '../../support/n8n';
import { byAi, flowServiceCredential, greenplumConnection, toolNode } from '../../support/agentTools';
import { API_KEY, ORG, TOKEN } from '../../support/harness';

jest.setTimeout(300_000);

const OPENAI_CRED = 'fakeOpenAiCred01';
const TOOL = 'AEP Flow Service';

let stack: Stack;
let fake: FakeOpenAi;
let n8n: N8nInstance;

/** A workflow: Start → AI Agent, with the fake model and our node's tool variant (these parameters) connected to it. */
function agentWorkflow(id: string, prompt: string, tool: IDataObject, toolSettings: IDataObject = {}) {
	return {
		id,
		name: `Agent ${id}`,
		active: false,
		// n8n's execution order since 1.0 (what the editor saves): the agent's tool calls run before the agent resumes.
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'agent', name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3.1, position: [220, 0], parameters: { promptType: 'define', text: prompt, options: {} } },
			{
				id: 'model',
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.2,
				position: [160, 220],
				parameters: { model: { __rl: true, mode: 'id', value: FAKE_MODEL }, options: {} },
				credentials: { openAiApi: { id: OPENAI_CRED, name: 'Fake OpenAI' } },
			},
			toolNode(TOOL, [360, 220], tool, toolSettings),
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
			[TOOL]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
	};
}

function finalAnswer(run: Execution): string {
	if (run.exitCode !== 0 || run.result?.status !== 'success') throw new Error(`The agent's execution did not succeed (exit ${run.exitCode}):\n${run.output.slice(-4000)}`);
	const [item] = itemsOf(run.result, 'AI Agent');
	return String(item?.json.output);
}

const deletes = () => stack.emulator.stats.byRoute['DELETE /connections/{id}'] ?? 0;

beforeAll(async () => {
	ensureBuilt();
	ensureN8n();
	stack = await startStack({ tokens: [TOKEN], apiKeys: [API_KEY] });
	fake = await startFakeOpenAi();
	n8n = new N8nInstance();
	await n8n.importCredentials([
		flowServiceCredential(stack),
		{ id: OPENAI_CRED, name: 'Fake OpenAI', type: 'openAiApi', data: { apiKey: 'sk-fake-key', url: fake.url } },
	]);
}, 900_000);

afterAll(async () => {
	await fake?.close();
	await stack?.close();
	n8n?.dispose();
});

test('the agent lists the tables behind a connection: the emulator gets the explore request, the final answer holds a table', async () => {
	const id = await greenplumConnection(stack, 'agent explore');
	await n8n.importWorkflow(
		agentWorkflow('agentListTables1', 'Which tables does the database behind my connection have?', {
			resource: 'database',
			operation: 'listTables',
			connection: byAi('connectionId', 'The id of the connection whose database to explore'),
		}),
	);
	fake.setArguments({ connectionId: id });
	const explores = stack.emulator.stats.byRoute['GET /connections/{id}/explore'] ?? 0;
	const asked = fake.requests.length;

	const answer = finalAnswer(await n8n.execute('agentListTables1'));

	// The model was offered our tool, with the one argument it has to fill.
	const offered = fake.requests[asked].tools ?? [];
	expect(offered.map((t) => t.function.name)).toEqual(['AEP_Flow_Service']);
	expect(Object.keys(offered[0].function.parameters?.properties ?? {})).toEqual(['connectionId']);
	// The operation's own description for models, with its guard.
	expect(offered[0].function.description).toMatch(/^Adobe Experience Platform Flow Service: List the tables .* by its connection ID; returns one item per table .* It only reads\.$/);
	expect(stack.emulator.stats.byRoute['GET /connections/{id}/explore']).toBeGreaterThan(explores);
	expect(stack.emulator.log.some((line) => line.includes(`/connections/${id}/explore`))).toBe(true);
	expect(answer.startsWith(FINAL_PREFIX)).toBe(true);
	expect(answer).toContain('sales.customers');
});

describe('a delete asked by the agent', () => {
	const deleteTool = (allowChanges: boolean) => ({
		resource: 'connection',
		operation: 'delete',
		connection: byAi('connectionId', 'The id of the connection to delete'),
		allowChanges,
	});

	test('with Allow Changes off, is refused and nothing is sent: the execution stops with the refusal', async () => {
		const id = await greenplumConnection(stack, 'agent keeps');
		await n8n.importWorkflow(agentWorkflow('agentDeleteOff01', 'Delete my connection.', deleteTool(false)));
		fake.setArguments({ connectionId: id });
		const before = deletes();
		const requests = stack.emulator.stats.requests;

		const run = await n8n.execute('agentDeleteOff01');

		expect(run.result?.status).toBe('error');
		expect(run.result?.data.resultData.error?.message).toBe('Refused: "Delete" (connection → delete) changes Adobe Experience Platform, and Allow Changes is off');
		expect(deletes()).toBe(before);
		expect(stack.emulator.stats.requests).toBe(requests);
		expect(stack.emulator.connections(ORG).some((c) => c.id === id)).toBe(true);
	});

	test('with Allow Changes off and the tool set to continue on error, the agent reads the refusal, and nothing is sent', async () => {
		const id = await greenplumConnection(stack, 'agent is told');
		await n8n.importWorkflow(agentWorkflow('agentDeleteOff02', 'Delete my connection.', deleteTool(false), { onError: 'continueRegularOutput' }));
		fake.setArguments({ connectionId: id });
		const before = deletes();
		const requests = stack.emulator.stats.requests;

		const answer = finalAnswer(await n8n.execute('agentDeleteOff02'));

		expect(answer).toContain('Allow Changes is off');
		expect(deletes()).toBe(before);
		expect(stack.emulator.stats.requests).toBe(requests);
		expect(stack.emulator.connections(ORG).some((c) => c.id === id)).toBe(true);
	});

	test('with Allow Changes on, is sent', async () => {
		const id = await greenplumConnection(stack, 'agent deletes');
		await n8n.importWorkflow(agentWorkflow('agentDeleteOn001', 'Delete my connection.', deleteTool(true)));
		fake.setArguments({ connectionId: id });
		const before = deletes();

		const answer = finalAnswer(await n8n.execute('agentDeleteOn001'));

		expect(deletes()).toBe(before + 1);
		expect(answer).toContain('"deleted":true');
		expect(answer).toContain(id);
		expect(stack.emulator.connections(ORG).some((c) => c.id === id)).toBe(false);
	});

	test('with Allow Changes on and Dry Run left to the model, the model asks for a dry run: the request comes back, nothing is sent', async () => {
		const id = await greenplumConnection(stack, 'agent previews');
		const tool = { ...deleteTool(true), dryRun: "={{ $fromAI('dryRun', 'true to only preview the change', 'boolean') }}" };
		await n8n.importWorkflow(agentWorkflow('agentDeleteDry01', 'What would deleting my connection send?', tool));
		fake.setArguments({ connectionId: id, dryRun: true });
		const before = deletes();
		const asked = fake.requests.length;

		const answer = finalAnswer(await n8n.execute('agentDeleteDry01'));

		expect(Object.keys(fake.requests[asked].tools?.[0].function.parameters?.properties ?? {}).sort()).toEqual(['connectionId', 'dryRun']);
		expect(answer).toContain('"dryRun":true');
		expect(answer).toContain(`"method":"DELETE","path":"/data/foundation/flowservice/connections/${id}"`);
		expect(deletes()).toBe(before);
		expect(stack.emulator.connections(ORG).some((c) => c.id === id)).toBe(true);
	});
});
