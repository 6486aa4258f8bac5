/**
 * What the agent and MCP end-to-end tests and `npm run compat` share: our node's tool variant as a
 * workflow node, the Flow Service credential for the emulator, a connection to the embedded database
 * to work with, a field a model fills through `$fromAI()`, and n8n's AI Agent with the fake model
 * (support/fakeOpenAi.ts) run on one tool: the workflow, and what one run did.
 */
import { randomUUID } from 'node:crypto';

import type { Stack } from '../emulator/stack';
import { API_KEY, ORG, TOKEN } from './account';
import type { ChatRequest, FakeOpenAi } from './fakeOpenAi';
import { FAKE_MODEL } from './fakeOpenAi';
import type { CredentialImport, Execution, N8nInstance } from './n8n';
import { CUSTOM_PREFIX, itemsOf } from './n8n';
import { CredentialStore, runNode } from './runNode';

export const FLOW_CREDENTIAL = { id: 'aepFlowSvcCred01', name: 'Flow Service API' };
export const OPENAI_CREDENTIAL = { id: 'fakeOpenAiCred01', name: 'Fake OpenAI' };
/** The tool node's name in the agent workflows (the model sees it as AEP_Flow_Service). */
export const TOOL = 'AEP Flow Service';

const platform = (stack: Stack) => ({ accessToken: TOKEN, apiKey: API_KEY, imsOrgId: ORG, sandboxName: 'prod', baseUrl: stack.emulator.url });

/** The Flow Service API credential for the emulator, to import into n8n. */
export function flowServiceCredential(stack: Stack): CredentialImport {
	return { ...FLOW_CREDENTIAL, type: 'flowServiceApi', data: platform(stack) };
}

/** n8n's OpenAI credential with its Base URL at the fake model server. */
export function fakeOpenAiCredential(fake: FakeOpenAi): CredentialImport {
	return { ...OPENAI_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-fake-key', url: fake.url } };
}

/** Creates a GreenPlum connection to the embedded database, in-process; resolves with its id. */
export async function greenplumConnection(stack: Stack, name: string): Promise<string> {
	const credentials = new CredentialStore();
	credentials.set('flowServiceApi', platform(stack));
	const { login } = stack.database;
	const typed = { databaseLogin: 'node', host: '127.0.0.1', port: stack.database.port, database: login.database, username: login.username, password: login.password };
	const [created] = await runNode({ credentials, parameters: { resource: 'connection', operation: 'create', connector: 'greenplum', name, ...typed } });
	return String(created.json.id);
}

/** A locator's By ID value that the model fills: `$fromAI(key, description)`. */
export const byAi = (key: string, description: string) => ({ __rl: true, mode: 'id', value: `={{ $fromAI('${key}', '${description}', 'string') }}` });

/**
 * Our node's tool variant as a workflow node, with these parameters and node settings. `prefix`: its
 * type's prefix, CUSTOM_PREFIX when n8n loads it from a custom folder, PACKAGE_PREFIX when installed.
 */
export function toolNode(name: string, position: [number, number], parameters: Record<string, unknown>, settings: Record<string, unknown> = {}, prefix = CUSTOM_PREFIX) {
	return {
		id: randomUUID(),
		name,
		type: `${prefix}adobeFlowServiceTool`,
		typeVersion: 1,
		position,
		parameters: { authentication: 'accessToken', ...parameters },
		credentials: { flowServiceApi: FLOW_CREDENTIAL },
		...settings,
	};
}

/** The tool set to Database → List Tables, the connection given by the model. */
export const LIST_TABLES = { resource: 'database', operation: 'listTables', connection: byAi('connectionId', 'The id of the connection whose database to explore') };

/** The tool set to Connection → Delete, the connection given by the model. */
export const deleteTool = (allowChanges: boolean) => ({ resource: 'connection', operation: 'delete', connection: byAi('connectionId', 'The id of the connection to delete'), allowChanges });

/** What the tool says when asked to delete with Allow Changes off. */
export const DELETE_REFUSED = 'Refused: "Delete" (connection → delete) changes Adobe Experience Platform, and Allow Changes is off';

/** The type versions of n8n's AI Agent and OpenAI Chat Model nodes a workflow uses. */
export interface AgentNodes {
	agent: number;
	model: number;
}

/** The ones the pinned n8n 2.8 runs (those of n8n's own agent integration test there). */
export const PINNED_AGENT_NODES: AgentNodes = { agent: 3.1, model: 1.2 };

export interface AgentWorkflowOptions {
	/** The tool node's settings (onError...). */
	toolSettings?: Record<string, unknown>;
	nodes?: AgentNodes;
	/** Our node types' prefix: see toolNode. */
	prefix?: string;
}

/** A workflow: Start → AI Agent, with the fake model and our node's tool variant (these parameters) connected to it. */
export function agentWorkflow(id: string, prompt: string, tool: Record<string, unknown>, options: AgentWorkflowOptions = {}) {
	const nodes = options.nodes ?? PINNED_AGENT_NODES;
	return {
		id,
		name: `Agent ${id}`,
		active: false,
		// n8n's execution order since 1.0 (what the editor saves): the agent's tool calls run before the agent resumes.
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'agent', name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: nodes.agent, position: [220, 0], parameters: { promptType: 'define', text: prompt, options: {} } },
			{
				id: 'model',
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: nodes.model,
				position: [160, 220],
				parameters: { model: { __rl: true, mode: 'id', value: FAKE_MODEL }, options: {} },
				credentials: { openAiApi: OPENAI_CREDENTIAL },
			},
			toolNode(TOOL, [360, 220], tool, options.toolSettings, options.prefix),
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
			[TOOL]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
	};
}

/** The agent's final text; throws, with what n8n printed, unless the execution succeeded. */
export function finalAnswer(run: Execution): string {
	if (run.exitCode !== 0 || run.result?.status !== 'success') throw new Error(`The agent's execution did not succeed (exit ${run.exitCode}):\n${run.output.slice(-4000)}`);
	const [item] = itemsOf(run.result, 'AI Agent');
	return String(item?.json.output);
}

/** Where an agent runs: the n8n holding the credentials (flowServiceCredential, fakeOpenAiCredential), the emulator, the fake model. */
export interface AgentSetup {
	n8n: N8nInstance;
	stack: Stack;
	fake: FakeOpenAi;
}

/** What one agent run did. */
export interface AgentRun {
	/** The connection made for it, given to the model. */
	connectionId: string;
	run: Execution;
	/** The chat requests the agent sent the model in this run. */
	asked: ChatRequest[];
	/** Requests the emulator received during the run, in all, explores and deletes. */
	sent: number;
	explores: number;
	deletes: number;
	/** Whether the connection is still there afterwards. */
	kept: boolean;
}

/**
 * Makes a new connection, imports an agent workflow with the tool set to `tool`, has the fake model
 * call it with that connection's id (and `more` arguments), and runs the workflow.
 */
export async function runAgent(setup: AgentSetup, id: string, prompt: string, tool: Record<string, unknown>, options: AgentWorkflowOptions & { connection: string; more?: Record<string, unknown> }): Promise<AgentRun> {
	const { n8n, stack, fake } = setup;
	const connectionId = await greenplumConnection(stack, options.connection);
	await n8n.importWorkflow(agentWorkflow(id, prompt, tool, options));
	fake.setArguments({ connectionId, ...options.more });
	const route = (name: string) => stack.emulator.stats.byRoute[name] ?? 0;
	const before = { sent: stack.emulator.stats.requests, explores: route('GET /connections/{id}/explore'), deletes: route('DELETE /connections/{id}'), asked: fake.requests.length };

	const run = await n8n.execute(id);

	return {
		connectionId,
		run,
		asked: fake.requests.slice(before.asked),
		sent: stack.emulator.stats.requests - before.sent,
		explores: route('GET /connections/{id}/explore') - before.explores,
		deletes: route('DELETE /connections/{id}') - before.deletes,
		kept: stack.emulator.connections(ORG).some((c) => c.id === connectionId),
	};
}
