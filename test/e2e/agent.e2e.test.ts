/**
 * Our node as an AI agent's tool in the pinned real n8n: n8n's AI Agent with the OpenAI Chat Model,
 * whose credential points at a local fake OpenAI-compatible server (support/fakeOpenAi.ts), and the
 * tool variant n8n makes of our node (`adobeFlowServiceTool`) on its ai_tool input, against the
 * emulator. The fake calls the tool it is offered, then answers with what the tool returned.
 */
import type { Stack } from '../../emulator/stack';
import { startStack } from '../../emulator/stack';
import type { AgentSetup } from '../../support/agentTools';
import { DELETE_REFUSED, deleteTool, fakeOpenAiCredential, finalAnswer, flowServiceCredential, LIST_TABLES, runAgent } from '../../support/agentTools';
import type { FakeOpenAi } from '../../support/fakeOpenAi';
import { FINAL_PREFIX, startFakeOpenAi } from '../../support/fakeOpenAi';
import { API_KEY, TOKEN } from '../../support/harness';
import { ensureBuilt, ensureN8n, N8nInstance } from '../../support/n8n';

jest.setTimeout(300_000);

let stack: Stack;
let fake: FakeOpenAi;
let n8n: N8nInstance;
let setup: AgentSetup;

beforeAll(async () => {
	ensureBuilt();
	ensureN8n();
	stack = await startStack({ tokens: [TOKEN], apiKeys: [API_KEY] });
	fake = await startFakeOpenAi();
	n8n = new N8nInstance();
	setup = { n8n, stack, fake };
	await n8n.importCredentials([flowServiceCredential(stack), fakeOpenAiCredential(fake)]);
}, 900_000);

afterAll(async () => {
	await fake?.close();
	await stack?.close();
	n8n?.dispose();
});

test('the agent lists the tables behind a connection: the emulator gets the explore request, the final answer holds a table', async () => {
	const ran = await runAgent(setup, 'agentListTables1', 'Which tables does the database behind my connection have?', LIST_TABLES, { connection: 'agent explore' });

	const answer = finalAnswer(ran.run);
	// The model was offered our tool, with the one argument it has to fill.
	const offered = ran.asked[0].tools ?? [];
	expect(offered.map((t) => t.function.name)).toEqual(['AEP_Flow_Service']);
	expect(Object.keys(offered[0].function.parameters?.properties ?? {})).toEqual(['connectionId']);
	// The operation's own description for models, with its guard.
	expect(offered[0].function.description).toMatch(/^Adobe Experience Platform Flow Service: List the tables .* by its connection ID; returns one item per table .* It only reads\.$/);
	expect(ran.explores).toBeGreaterThan(0);
	expect(stack.emulator.log.some((line) => line.includes(`/connections/${ran.connectionId}/explore`))).toBe(true);
	expect(answer.startsWith(FINAL_PREFIX)).toBe(true);
	expect(answer).toContain('sales.customers');
});

describe('a delete asked by the agent', () => {
	test('with Allow Changes off, is refused and nothing is sent: the execution stops with the refusal', async () => {
		const ran = await runAgent(setup, 'agentDeleteOff01', 'Delete my connection.', deleteTool(false), { connection: 'agent keeps' });

		expect(ran.run.result?.status).toBe('error');
		expect(ran.run.result?.data.resultData.error?.message).toBe(DELETE_REFUSED);
		expect(ran.deletes).toBe(0);
		expect(ran.sent).toBe(0);
		expect(ran.kept).toBe(true);
	});

	test('with Allow Changes off and the tool set to continue on error, the agent reads the refusal, and nothing is sent', async () => {
		const ran = await runAgent(setup, 'agentDeleteOff02', 'Delete my connection.', deleteTool(false), { connection: 'agent is told', toolSettings: { onError: 'continueRegularOutput' } });

		expect(finalAnswer(ran.run)).toContain('Allow Changes is off');
		expect(ran.deletes).toBe(0);
		expect(ran.sent).toBe(0);
		expect(ran.kept).toBe(true);
	});

	test('with Allow Changes on, is sent', async () => {
		const ran = await runAgent(setup, 'agentDeleteOn001', 'Delete my connection.', deleteTool(true), { connection: 'agent deletes' });

		const answer = finalAnswer(ran.run);
		expect(ran.deletes).toBe(1);
		expect(answer).toContain('"deleted":true');
		expect(answer).toContain(ran.connectionId);
		expect(ran.kept).toBe(false);
	});

	test('with Allow Changes on and Dry Run left to the model, the model asks for a dry run: the request comes back, nothing is sent', async () => {
		const tool = { ...deleteTool(true), dryRun: "={{ $fromAI('dryRun', 'true to only preview the change', 'boolean') }}" };
		const ran = await runAgent(setup, 'agentDeleteDry01', 'What would deleting my connection send?', tool, { connection: 'agent previews', more: { dryRun: true } });

		const answer = finalAnswer(ran.run);
		expect(Object.keys(ran.asked[0].tools?.[0].function.parameters?.properties ?? {}).sort()).toEqual(['connectionId', 'dryRun']);
		expect(answer).toContain('"dryRun":true');
		expect(answer).toContain(`"method":"DELETE","path":"/data/foundation/flowservice/connections/${ran.connectionId}"`);
		expect(ran.deletes).toBe(0);
		expect(ran.kept).toBe(true);
	});
});
