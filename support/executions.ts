/**
 * Workflows active in a running n8n (`n8n start`) against the emulator, for the tests and the demo
 * that activate a trigger workflow and wait for it to fire: activating one as the editor's toggle
 * does, its executions and the items each node put out in one, read as the editor reads them through
 * the REST API; and, for a test file, the emulator and n8n started before its tests and stopped after.
 */
import type { Stack } from '../emulator/stack';
import { startStack } from '../emulator/stack';
import { API_KEY, ORG, TOKEN } from './account';
import type { RestCall } from './n8n';
import { ensureBuilt, ensureN8n, exampleCredentials, N8nInstance, restSession, RUNTIME } from './n8n';

/** Waits until `check` gives something (looking every second); throws after `timeoutMs`, with `context()` in the message. */
export async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs: number, context: () => string = () => ''): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = await check();
		if (found !== undefined) return found;
		if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s${context() ? `:\n${context()}` : ''}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

/** Activates a workflow n8n holds, as the editor's toggle does. */
export async function activate(call: RestCall, workflowId: string): Promise<void> {
	const { versionId } = (await call('GET', `/workflows/${workflowId}`)) as { versionId: string };
	await call('POST', `/workflows/${workflowId}/activate`, { versionId });
}

/** One execution as n8n lists it. */
export interface ListedExecution {
	id: string;
	status: string;
	mode: string;
}

/** The workflow's executions, newest first. */
export async function executionsOf(call: RestCall, workflowId: string): Promise<ListedExecution[]> {
	const listed = (await call('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`)) as { results: ListedExecution[] };
	return listed.results;
}

/** Statuses of an execution not yet ended: n8n lists an execution as soon as it starts. */
const UNDER_WAY = ['new', 'running', 'waiting'];

/** The workflow's executions that have ended (whatever their outcome), newest first. */
export async function endedExecutionsOf(call: RestCall, workflowId: string): Promise<ListedExecution[]> {
	return (await executionsOf(call, workflowId)).filter((execution) => !UNDER_WAY.includes(execution.status));
}

export type RunItems = Array<{ json: Record<string, unknown> }>;

/** What each node of one execution did: its runs, each with its outputs' items, or the error it stopped on. */
export type RunData = Record<string, Array<{ data?: { main: Array<RunItems | null> }; error?: { message?: string; description?: string } }>>;

/** An execution's run data (n8n keeps it in `flatted` form). */
export async function runDataOf(call: RestCall, executionId: string): Promise<RunData> {
	const flatted = require(`${RUNTIME}/node_modules/flatted`) as { parse(text: string): unknown };
	const execution = (await call('GET', `/executions/${executionId}`)) as { data: string };
	return (flatted.parse(execution.data) as { resultData: { runData: RunData } }).resultData.runData;
}

/** The items a node put out in its first run, on one output (0 = main; an If's 1 = false). */
export function outputOf(runData: RunData, node: string, output = 0): RunItems {
	return runData[node]?.[0]?.data?.main[output] ?? [];
}

/** The emulator and an n8n for a test file's trigger workflows; `call` once started (startActive). */
export interface ActiveN8n {
	stack: Stack;
	n8n: N8nInstance;
	call: RestCall;
	/** The trigger's polls so far: its requests for runs. */
	polls(): number;
	/** until(), with the end of what n8n printed when it times out. */
	until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T>;
}

/**
 * For a test file: the emulator (runs lasting 300 ms) and an n8n user folder with the examples'
 * credentials for it, made before its tests; n8n stopped and everything removed after them.
 */
export function useActiveN8n(): ActiveN8n {
	const held = {
		polls: () => held.stack.emulator.stats.byRoute['GET /runs'] ?? 0,
		until: async (what, check, timeoutMs) => await until(what, check, timeoutMs, () => held.n8n.serverOutput.slice(-3000)),
	} as ActiveN8n;
	beforeAll(async () => {
		ensureBuilt();
		ensureN8n();
		held.stack = await startStack({ tokens: [TOKEN, 'emulator-token'], apiKeys: [API_KEY], runDurationMs: 300 });
		held.n8n = new N8nInstance();
		await held.n8n.importCredentials(exampleCredentials(held.stack, { token: TOKEN, apiKey: API_KEY, imsOrgId: ORG }));
	}, 900_000);
	afterAll(async () => {
		await held.n8n?.stop();
		held.n8n?.dispose();
		await held.stack?.close();
	});
	return held;
}

/** Imports the workflow, starts n8n, activates it and waits for its trigger's first poll (which only notes where it is). */
export async function startActive(held: ActiveN8n, workflow: { id: string; [key: string]: unknown }): Promise<void> {
	await held.n8n.importWorkflow(workflow);
	held.call = await restSession(await held.n8n.start());
	await activate(held.call, workflow.id);
	await held.until('the first poll', () => (held.polls() > 0 ? true : undefined), 150_000);
}
