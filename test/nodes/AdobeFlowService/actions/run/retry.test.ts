/**
 * Run → Retry against the emulator: a new run over the same window that Wait for Run follows By ID;
 * the existing retry returned when there is one, found before anything is sent; one run, not two,
 * after a lost answer; runs that cannot be retried refused before the request.
 */
import type { IDataObject } from 'n8n-workflow';

import type { FaultKind } from '../../../../../emulator/faults';
import { byId, failure, ISO_TIME, ORG, useStack } from '../../../../../support/harness';
import { pipelineSteps } from '../../../../../support/pipeline';

const h = useStack({ runDurationMs: 50 });
const steps = pipelineSteps(h);
const DAY = 86_400_000;
/** A dataflow on sales.customers scheduled Once from tomorrow: its only runs are those a test makes. */
const dataflow = steps.quietDataflows('retried');

/** A failed on-demand run over January 2024 (one customer in it), finished. */
async function failedRun(flowId: string): Promise<string> {
	h.stack.emulator.pipeline.runs.planOutcome(flowId, 'fail');
	const [started] = await h.run({ resource: 'dataflow', operation: 'runNow', dataflow: byId(flowId), windowStart: '2024-01-01T00:00:00Z', windowEnd: '2024-02-01T00:00:00Z', incrementalColumn: 'created_at' });
	await failure(steps.waitForRun(flowId, { which: 'id', runId: started.json.runId }));
	return String(started.json.runId);
}

const retry = async (runId: string, options: { items?: IDataObject[]; onError?: 'continueRegularOutput' } = {}) => await h.run({ resource: 'run', operation: 'retry', runId }, options);
const retriesSent = () => h.stack.emulator.stats.byRoute['POST /runs/{id}/action'] ?? 0;
const runsOf = (flowId: string) => h.stack.emulator.pipeline.runs.runs.all({ org: ORG, sandbox: 'prod' }).filter((r) => r.flowId === flowId);

const KEYS = [
	'alreadyRetried', 'completedAt', 'durationSeconds', 'errors', 'etag', 'failedRecordCount', 'flowId', 'id', 'inputRecordCount', 'outputRecordCount',
	'recoveredAfterLostAnswer', 'retried', 'retriedRunId', 'startedAt', 'status', 'windowEnd', 'windowStart',
];

test('a failed run: a new run over its window, which Wait for Run follows By ID; retried again, the same run comes back and nothing is sent', async () => {
	const flowId = await dataflow();
	const failed = await failedRun(flowId);
	const sent = retriesSent();
	const [first] = await retry(failed);
	expect(Object.keys(first.json).sort()).toEqual(KEYS);
	expect(first.json).toMatchObject({
		flowId,
		retriedRunId: failed,
		windowStart: '2024-01-01T00:00:00.000Z',
		windowEnd: '2024-02-01T00:00:00.000Z',
		retried: true,
		alreadyRetried: false,
		recoveredAfterLostAnswer: false,
		startedAt: ISO_TIME,
	});
	expect(first.json.id).not.toBe(failed);
	expect(first.pairedItem).toEqual({ item: 0 });
	expect(retriesSent()).toBe(sent + 1);
	const waited = await h.run({ resource: 'run', operation: 'wait', dataflow: byId(first.json.flowId), which: 'id', runId: first.json.id, pollInterval: 1, waitTimeout: 30 });
	expect(waited[0].json).toMatchObject({ id: first.json.id, status: 'success', inputRecordCount: 1 });

	const [again] = await retry(failed);
	expect(again.json).toMatchObject({ id: first.json.id, retriedRunId: failed, retried: false, alreadyRetried: true, recoveredAfterLostAnswer: false, status: 'success' });
	expect(Object.keys(again.json).sort()).toEqual(KEYS);
	expect(retriesSent()).toBe(sent + 1);
	expect(runsOf(flowId)).toHaveLength(2);
});

test('a scheduled run that failed, and a success that ingested nothing, are retried; items of one run share one retry', async () => {
	const flowId = await dataflow({ frequency: 'day' });
	const [failed, empty] = h.stack.emulator.pipeline.runs.seed(flowId, [
		{ startedAt: h.stack.emulator.clock.now() - 2 * DAY, status: 'failed' },
		{ startedAt: h.stack.emulator.clock.now() - DAY, status: 'success', read: 0 },
	]);
	const [one] = await retry(failed);
	expect(one.json).toMatchObject({ retried: true, retriedRunId: failed, windowEnd: expect.any(String) });
	const [other] = await retry(empty);
	expect(other.json).toMatchObject({ retried: true, retriedRunId: empty });
	expect(other.json.id).not.toBe(one.json.id);
	// Items one after the other (Concurrency 1): the second finds the first's retry.
	const both = await h.run({ resource: 'run', operation: 'retry', runId: `={{ ${JSON.stringify([empty, empty])}[$itemIndex] }}`, options: { concurrency: 1 } }, { items: [{}, {}] });
	expect(both.map((o) => [o.json.id, o.json.alreadyRetried])).toEqual([
		[other.json.id, true],
		[other.json.id, true],
	]);
	expect(runsOf(flowId)).toHaveLength(4);
	// At once (the default Concurrency), three items retrying one run that has no retry yet: one retry, shared.
	const [another] = h.stack.emulator.pipeline.runs.seed(flowId, [{ startedAt: h.stack.emulator.clock.now() - 3 * DAY, status: 'failed' }]);
	const sent = retriesSent();
	const three = await h.run({ resource: 'run', operation: 'retry', runId: another }, { items: [{}, {}, {}] });
	expect(new Set(three.map((o) => o.json.id)).size).toBe(1);
	expect(three.map((o) => o.json.retried)).toEqual([true, false, false]);
	expect(retriesSent()).toBe(sent + 1);
	expect(runsOf(flowId)).toHaveLength(6);
});

describe('after a lost answer: one run, not two', () => {
	const LOST: Array<[string, FaultKind]> = [
		['the connection cut after the Platform made the run', { type: 'resetAfter' }],
		['half the answer', { type: 'truncated' }],
	];
	test.each(LOST)('%s', async (_what, kind) => {
		const flowId = await dataflow();
		const failed = await failedRun(flowId);
		const sent = retriesSent();
		h.stack.emulator.faults.add({ method: 'POST', path: /^\/runs\/[^/]+\/action$/, kind });
		try {
			const [out] = await retry(failed);
			expect(out.json).toMatchObject({ retried: true, alreadyRetried: false, recoveredAfterLostAnswer: true, retriedRunId: failed, windowStart: '2024-01-01T00:00:00.000Z' });
			expect(Object.keys(out.json).sort()).toEqual(KEYS);
			expect(retriesSent()).toBe(sent + 1);
			expect(runsOf(flowId).map((r) => r.id).sort()).toEqual([failed, out.json.id].sort());
		} finally {
			h.stack.emulator.faults.clear();
		}
	});
});

describe('refused before anything is sent', () => {
	test('a run that ingested records, naming the field, the run and the item', async () => {
		const flowId = await dataflow({ frequency: 'day' });
		const [done] = h.stack.emulator.pipeline.runs.seed(flowId, [{ startedAt: h.stack.emulator.clock.now() - DAY, status: 'success', read: 12 }]);
		const sent = retriesSent();
		const error = await failure(retry(done));
		expect(error.message).toBe(`Run ID (${done}) success and ingested 12 records: only a run that failed, or succeeded having ingested none, can be retried [item 0]`);
		expect(error.description).toBe('To copy its window again, start a run over it with Dataflow → Run Now (a dataflow scheduled Once).');
		expect(retriesSent()).toBe(sent);
	});

	test('a run still running; with Continue On Fail, an error item paired with its item', async () => {
		const flowId = await dataflow();
		const slow = await h.run({ resource: 'dataflow', operation: 'runNow', dataflow: byId(flowId), incrementalColumn: 'created_at' });
		const running = String(slow[0].json.runId);
		const sent = retriesSent();
		const out = await retry(`={{ ["${running}", ""][$itemIndex] }}`, { items: [{}, {}], onError: 'continueRegularOutput' });
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(out[0].json.error).toMatch(new RegExp(`^Run ID \\(${running}\\) is still inProgress: only a run that has ended can be retried \\[item 0\\]$`));
		expect(out[1].json.error).toMatch(/^Run ID .*\[item 1\]$/);
		expect(retriesSent()).toBe(sent);
		await steps.waitForRun(flowId, { which: 'id', runId: running });
	});

	test('the Platform’s own refusal (a disabled dataflow: 1388-400) is an error with its code', async () => {
		const flowId = await dataflow();
		const failed = await failedRun(flowId);
		await h.run({ resource: 'dataflow', operation: 'disable', dataflow: byId(flowId) });
		const error = await failure(retry(failed));
		expect(error.message).toMatch(/1388-400|cannot be re-triggered/);
		expect(error.context).toMatchObject({ itemIndex: 0 });
		expect(runsOf(flowId)).toHaveLength(1);
	});
});
