/**
 * The Adobe Flow Service Trigger's poll in n8n-core's PollContext against the emulator over HTTP:
 * the first poll, a failed run once, runs sharing a start time, a run that finishes after it was
 * passed, Fetch Test Event, and a Platform error after the first poll.
 */
import { API_KEY, ISO_TIME, TOKEN, useStack } from '../../../../support/harness';
import { poller } from '../../../../support/pollNode';
import { EmulatorClient } from '../../../emulator/client';

// Runs take 1.5 s, so that a poll can see one in progress.
const h = useStack({ tokens: [TOKEN, 'emulator-token'], apiKeys: [API_KEY], runDurationMs: 1500 });
let client: EmulatorClient;
beforeAll(() => {
	client = new EmulatorClient(h.stack);
});

const now = () => h.stack.emulator.clock.now();
const seconds = (ms: number) => Math.floor(ms / 1000);
const runs = () => h.stack.emulator.pipeline.runs;

/** A dataflow scheduled once, an hour from now: it runs only when a test asks. */
async function dataflow(name: string): Promise<string> {
	return await client.dataflow({ name, frequency: 'once', startTime: seconds(now()) + 3600 });
}

/** Starts a run of the dataflow on demand; returns its id. */
async function runNow(flowId: string): Promise<string> {
	const at = seconds(now());
	const posted = await client.send('POST', '/runs', { flowId, params: { startTime: at, windowStartTime: 0, windowEndTime: at, deltaColumn: { name: 'created_at' } } });
	if (posted.status !== 201) throw new Error(`POST /runs: ${posted.status} ${JSON.stringify(posted.body)}`);
	return posted.body.items[0].id;
}

const chosen = (...ids: string[]) => ({ dataflows: 'chosen', chosenDataflows: { dataflow: ids.map((value) => ({ dataflow: { __rl: true, mode: 'id', value } })) } });

test('first poll emits nothing; a failed run gives exactly one item on the next poll, in Run → Get’s shape, and none after', async () => {
	const flow = await dataflow('nightly crm');
	const trigger = poller(h.credentials, { events: ['runFailed'], ...chosen(flow) });
	expect(await trigger.poll()).toBeNull();
	expect(trigger.staticData).toEqual({ 'node:AEP Flow Service': expect.objectContaining({ watermark: 0, pending: {} }) });

	runs().planOutcome(flow, 'fail');
	const runId = await runNow(flow);
	await client.finished(runId);
	const out = await trigger.poll();
	expect(out).toHaveLength(1);
	expect(out![0].json).toEqual({
		id: runId,
		flowId: flow,
		dataflowName: 'nightly crm',
		event: 'runFailed',
		status: 'failed',
		inputRecordCount: 0,
		outputRecordCount: 0,
		failedRecordCount: 0,
		startedAt: ISO_TIME,
		completedAt: ISO_TIME,
		durationSeconds: expect.any(Number),
		errors: [{ code: 'CONNECTOR-1001-500', message: 'Error in copying the data from Source.' }],
		etag: expect.any(String),
	});
	expect(await trigger.poll()).toBeNull();

	// A run that succeeds is not a chosen event: nothing.
	const clean = await runNow(flow);
	await client.finished(clean);
	expect(await trigger.poll()).toBeNull();
});

test('runs that share a start time are neither repeated nor lost; the events pick among them', async () => {
	const a = await dataflow('shared instant a');
	const b = await dataflow('shared instant b');
	const c = await dataflow('shared instant c');
	const at = now() - 600_000;
	const [a1] = runs().seed(a, [{ startedAt: at, status: 'failed' }]);
	const trigger = poller(h.credentials, { events: ['runFailed', 'runSucceededWithFailedRecords'], dataflows: 'ids', dataflowIds: `${a}, ${b},${c}` });
	expect(await trigger.poll()).toBeNull();
	expect(trigger.nodeState()).toMatchObject({ watermark: at, idsAtWatermark: [a1] });

	// Two more runs start at that very instant, seen only now.
	const [b1] = runs().seed(b, [{ startedAt: at, status: 'failed' }]);
	const [c1] = runs().seed(c, [{ startedAt: at, status: 'success', read: 10, failed: 2 }]);
	const out = await trigger.poll();
	expect(out!.map((o) => [o.json.id, o.json.event]).sort()).toEqual(
		[
			[b1, 'runFailed'],
			[c1, 'runSucceededWithFailedRecords'],
		].sort(),
	);
	expect(out!.find((o) => o.json.id === c1)!.json).toMatchObject({ inputRecordCount: 10, outputRecordCount: 8, failedRecordCount: 2, status: 'success' });
	expect(await trigger.poll()).toBeNull();
});

test('a run seen in progress is emitted once when it finishes, even after the watermark has passed it', async () => {
	const slow = await dataflow('slow');
	const quick = await dataflow('quick');
	const trigger = poller(h.credentials, { events: ['runFinished'], ...chosen(slow, quick) });
	expect(await trigger.poll()).toBeNull();

	runs().planOutcome(slow, 'fail');
	const slowRun = await runNow(slow);
	expect(await trigger.poll()).toBeNull();
	expect(Object.keys(trigger.nodeState().pending ?? {})).toEqual([slowRun]);

	// A later run of the other dataflow, already over: the watermark moves past the slow one.
	await new Promise((resolve) => setTimeout(resolve, 50));
	const [quickRun] = runs().seed(quick, [{ startedAt: now() - 20, durationMs: 10, status: 'success', read: 3 }]);
	const passed = await trigger.poll();
	expect(passed!.map((o) => [o.json.id, o.json.event])).toEqual([[quickRun, 'runSucceeded']]);
	expect(trigger.nodeState().watermark).toBeGreaterThan((await client.get(`/runs/${slowRun}`)).items[0].metrics.durationSummary.startedAtUTC);

	await client.finished(slowRun);
	const finished = await trigger.poll();
	expect(finished!.map((o) => [o.json.id, o.json.event, o.json.dataflowName])).toEqual([[slowRun, 'runFailed', 'slow']]);
	expect(trigger.nodeState().pending).toEqual({});
	expect(await trigger.poll()).toBeNull();
});

test('Fetch Test Event (manual): the newest matching run, whatever the watermark, and the state is left alone', async () => {
	const flow = await dataflow('sampled');
	const [, newestFailed] = runs().seed(flow, [
		{ startedAt: now() - 7_200_000, status: 'failed' },
		{ startedAt: now() - 3_600_000, status: 'failed' },
		{ startedAt: now() - 1_800_000, status: 'success', read: 4 },
	]);
	const trigger = poller(h.credentials, { events: ['runFailed'], ...chosen(flow) });
	const sample = await trigger.poll('manual');
	expect(sample!.map((o) => [o.json.id, o.json.event, o.json.dataflowName])).toEqual([[newestFailed, 'runFailed', 'sampled']]);
	expect(trigger.staticData).toEqual({ 'node:AEP Flow Service': {} });
	// Once polling, history is not replayed.
	expect(await trigger.poll()).toBeNull();
	expect(await trigger.poll('manual')).toHaveLength(1);

	const none = poller(h.credentials, { events: ['runSucceededWithFailedRecords'], ...chosen(flow) });
	expect(await none.poll('manual')).toBeNull();
});

test('a Platform error after the first poll is logged and the next poll tries again; a credential refusal is thrown', async () => {
	const flow = await dataflow('flaky platform');
	const trigger = poller(h.credentials, { events: ['runFailed'], ...chosen(flow) });
	expect(await trigger.poll()).toBeNull();
	const before = JSON.stringify(trigger.staticData);

	runs().planOutcome(flow, 'fail');
	const runId = await runNow(flow);
	await client.finished(runId);
	h.stack.emulator.faults.add({ method: 'GET', path: /^\/runs/, kind: { type: 'status', status: 400, body: { code: '1451-400', message: 'Invalid query param' } } });
	expect(await trigger.poll()).toBeNull();
	expect(trigger.logged).toEqual([expect.stringMatching(/^warn: Adobe Flow Service Trigger: polling runs failed; the next poll tries again\. .+/)]);
	expect(JSON.stringify(trigger.staticData)).toBe(before);
	expect((await trigger.poll())!.map((o) => o.json.id)).toEqual([runId]);

	h.stack.emulator.faults.add({ method: 'GET', path: /^\/runs/, kind: { type: 'status', status: 403, body: { error_code: '403003', message: 'Api Key is invalid' } } });
	await expect(trigger.poll()).rejects.toThrow(/^The Platform refused the credential \(HTTP 403\)/);
});

test('before the first watermark an error is thrown, not logged; bad dataflow IDs are refused before any request', async () => {
	const flow = await dataflow('never polled');
	const trigger = poller(h.credentials, { events: ['runFailed'], ...chosen(flow) });
	h.stack.emulator.faults.add({ method: 'GET', path: /^\/runs/, kind: { type: 'status', status: 400, body: { code: '1451-400', message: 'Invalid query param' } } });
	await expect(trigger.poll()).rejects.toThrow();
	expect(trigger.logged).toEqual([]);
	expect(trigger.staticData).toEqual({ 'node:AEP Flow Service': {} });

	const requests = h.stack.emulator.stats.requests;
	await expect(poller(h.credentials, { events: ['runFailed'], dataflows: 'ids', dataflowIds: 'not-an-id' }).poll()).rejects.toThrow('Not a dataflow ID: not-an-id');
	expect(h.stack.emulator.stats.requests).toBe(requests);
});
