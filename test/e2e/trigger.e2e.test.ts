/**
 * The Adobe Flow Service Trigger in the pinned real n8n (`n8n start`, the built nodes from a custom
 * folder), against the emulator: a workflow with the trigger, activated as the editor's toggle does,
 * polled by n8n every minute. A failed run of the watched dataflow starts exactly one execution, with
 * the run as its item; the polls after it start none.
 */
import type { Stack } from '../../emulator/stack';
import { startStack } from '../../emulator/stack';
import { API_KEY, ORG, TOKEN } from '../../support/harness';
import type { RestCall } from '../../support/n8n';
import { CUSTOM_PREFIX, ensureBuilt, ensureN8n, N8nInstance, restSession, RUNTIME } from '../../support/n8n';
import { EmulatorClient } from '../emulator/client';

jest.setTimeout(600_000);

const WORKFLOW = 'aepTriggerE2E001';
const TRIGGER = 'Run Failed';

let stack: Stack;
let n8n: N8nInstance;
let call: RestCall;

beforeAll(async () => {
	ensureBuilt();
	ensureN8n();
	stack = await startStack({ tokens: [TOKEN, 'emulator-token'], apiKeys: [API_KEY], runDurationMs: 300 });
	n8n = new N8nInstance();
	await n8n.importCredentials([{ id: 'aepFlowSvcCred01', name: 'Flow Service API', type: 'flowServiceApi', data: { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: ORG, sandboxName: 'prod', baseUrl: stack.emulator.url } }]);
}, 900_000);

afterAll(async () => {
	await n8n?.stop();
	n8n?.dispose();
	await stack?.close();
});

const polls = () => stack.emulator.stats.byRoute['GET /runs'] ?? 0;

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = await check();
		if (found !== undefined) return found;
		if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s:\n${n8n.serverOutput.slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

interface Listed {
	id: string;
	status: string;
	mode: string;
}

async function executions(): Promise<Listed[]> {
	const listed = (await call('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW }))}`)) as { results: Listed[] };
	return listed.results;
}

/** The items the trigger put out in one execution (n8n keeps run data in `flatted` form). */
async function triggerItems(id: string): Promise<Array<{ json: Record<string, unknown> }>> {
	const flatted = require(`${RUNTIME}/node_modules/flatted`) as { parse(text: string): unknown };
	const execution = (await call('GET', `/executions/${id}`)) as { data: string };
	const data = flatted.parse(execution.data) as { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
	return data.resultData.runData[TRIGGER][0].data.main[0];
}

test('activated, the trigger starts one execution for a failed run of its dataflow, and none on the polls after', async () => {
	const client = new EmulatorClient(stack);
	const now = Math.floor(stack.emulator.clock.now() / 1000);
	const flow = await client.dataflow({ name: 'watched in n8n', frequency: 'once', startTime: now + 3600 });
	await n8n.importWorkflow({
		id: WORKFLOW,
		name: 'Alert on a failed run (test)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: '5c1a0a56-0007-4c1e-9a10-000000000001',
				name: TRIGGER,
				type: `${CUSTOM_PREFIX}adobeFlowServiceTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, events: ['runFailed'], dataflows: 'ids', dataflowIds: flow },
				credentials: { flowServiceApi: { id: 'aepFlowSvcCred01', name: 'Flow Service API' } },
			},
		],
		connections: {},
	});
	const url = await n8n.start();
	call = await restSession(url);
	const { versionId } = (await call('GET', `/workflows/${WORKFLOW}`)) as { versionId: string };
	await call('POST', `/workflows/${WORKFLOW}/activate`, { versionId });

	// The first poll only sets the watermark; then the run fails.
	await until('the first poll', () => (polls() > 0 ? true : undefined), 150_000);
	expect(await executions()).toEqual([]);
	stack.emulator.pipeline.runs.planOutcome(flow, 'fail');
	const posted = await client.send('POST', '/runs', { flowId: flow, params: { startTime: now, windowStartTime: 0, windowEndTime: now, deltaColumn: { name: 'created_at' } } });
	const runId = posted.body.items[0].id as string;
	await client.finished(runId);

	const [execution] = await until('an execution', async () => {
		const found = await executions();
		return found.length > 0 ? found : undefined;
	}, 150_000);
	expect(execution).toMatchObject({ status: 'success', mode: 'trigger' });
	const items = await triggerItems(execution.id);
	expect(items.map((item) => item.json)).toEqual([expect.objectContaining({ id: runId, flowId: flow, dataflowName: 'watched in n8n', event: 'runFailed', status: 'failed' })]);

	// Another poll: nothing new, no second execution.
	const seen = polls();
	await until('another poll', () => (polls() > seen ? true : undefined), 150_000);
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect((await executions()).map((e) => e.id)).toEqual([execution.id]);
});
