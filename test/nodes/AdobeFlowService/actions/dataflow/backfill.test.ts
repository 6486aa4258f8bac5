/**
 * Dataflow → Backfill against the emulator: one run per window, one at a time; stopped at a failure
 * and started again, only the windows not yet copied run; Continue goes on; a run whose answer was
 * lost is not started twice; a run still going over a window is followed; bad input and a dataflow
 * that runs on a schedule are refused before anything is sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { byId, failure, ISO_TIME, ORG, useStack } from '../../../../../support/harness';
import { pipelineSteps } from '../../../../../support/pipeline';

jest.setTimeout(120_000);

const h = useStack({ runDurationMs: 50 });
const steps = pipelineSteps(h);
/** A dataflow on sales.customers scheduled Once from tomorrow: its only runs are those a test makes. */
const dataflow = steps.quietDataflows('backfilled');

/**
 * Five windows of 30 days from 2024-01-01: the sample customers joined on 15 January, 1 February,
 * 10 March and 22 April 2024, one in each of the first four windows.
 */
const FIVE = { backfillStart: '2024-01-01T00:00:00Z', backfillEnd: '2024-05-30T00:00:00Z', windowLength: 30, windowUnit: 'day', incrementalColumn: 'created_at', pollInterval: 1, waitTimeout: 30 };
const backfill = async (flowId: string, extra: IDataObject = {}) => await h.run({ resource: 'dataflow', operation: 'backfill', dataflow: byId(flowId), ...FIVE, ...extra });
const runsOf = (flowId: string) => h.stack.emulator.pipeline.runs.runs.all({ org: ORG, sandbox: 'prod' }).filter((r) => r.flowId === flowId);
const posted = () => h.stack.emulator.stats.byRoute['POST /runs'] ?? 0;

const KEYS = ['completedAt', 'errors', 'failedRecords', 'flowId', 'recordsRead', 'recordsWritten', 'runId', 'skipped', 'startedAt', 'status', 'windowEnd', 'windowStart'];
const STARTS = ['2024-01-01', '2024-01-31', '2024-03-01', '2024-03-31', '2024-04-30'].map((d) => `${d}T00:00:00.000Z`);

test('five windows stopped by a failure after two, then started again: three more runs, not five; one item per window', async () => {
	const flowId = await dataflow();
	h.stack.emulator.pipeline.runs.planOutcome(flowId, 'success', 2);
	h.stack.emulator.pipeline.runs.planOutcome(flowId, 'fail');
	const stopped = await failure(backfill(flowId));
	expect(stopped.message).toMatch(/^Run [0-9a-f-]{36} of dataflow [0-9a-f-]{36} failed: Error in copying the data from Source\. \(CONNECTOR-1001-500\) \[item 0\]$/);
	expect(stopped.description).toContain('Window 2024-03-01T00:00:00.000Z to 2024-03-31T00:00:00.000Z; 2 of 5 windows before it are copied. Run Backfill again to go on from this window');
	expect(runsOf(flowId)).toHaveLength(3);

	const out = await backfill(flowId);
	expect(runsOf(flowId)).toHaveLength(6);
	expect(out).toHaveLength(5);
	for (const item of out) expect(Object.keys(item.json).sort()).toEqual(KEYS);
	expect(out.map((o) => o.pairedItem)).toEqual(Array(5).fill({ item: 0 }));
	expect(out.map((o) => o.json.windowStart)).toEqual(STARTS);
	expect(out.map((o) => o.json.windowEnd)).toEqual([...STARTS.slice(1), '2024-05-30T00:00:00.000Z']);
	expect(out.map((o) => [o.json.skipped, o.json.status, o.json.recordsRead, o.json.recordsWritten, o.json.failedRecords])).toEqual([
		[true, 'success', 1, 1, 0],
		[true, 'success', 1, 1, 0],
		[false, 'success', 1, 1, 0],
		[false, 'success', 1, 1, 0],
		[false, 'success', 0, 0, 0],
	]);
	expect(out[0].json).toMatchObject({ flowId, runId: expect.any(String), errors: [], startedAt: ISO_TIME, completedAt: ISO_TIME });
	// The runs' windows, in the order they ran: the failed third window ran twice, no other window did.
	const windows = runsOf(flowId).map((r) => new Date((r.window.start ?? 0) * 1000).toISOString());
	expect(windows).toEqual([STARTS[0], STARTS[1], STARTS[2], STARTS[2], STARTS[3], STARTS[4]]);

	// All copied: a third start sends nothing.
	const before = posted();
	expect((await backfill(flowId)).map((o) => o.json.skipped)).toEqual([true, true, true, true, true]);
	expect(posted()).toBe(before);
});

test('On Failure Continue: every window runs, the failed one an item with its status and errors, of the same keys', async () => {
	const flowId = await dataflow();
	h.stack.emulator.pipeline.runs.planOutcome(flowId, 'success');
	h.stack.emulator.pipeline.runs.planOutcome(flowId, 'fail');
	const out = await backfill(flowId, { onFailure: 'continue', backfillEnd: '2024-03-31T00:00:00Z' });
	expect(out.map((o) => o.json.status)).toEqual(['success', 'failed', 'success']);
	for (const item of out) expect(Object.keys(item.json).sort()).toEqual(KEYS);
	expect(out[1].json).toMatchObject({ skipped: false, recordsRead: 0, errors: [{ code: 'CONNECTOR-1001-500', message: 'Error in copying the data from Source.' }] });
	// The last window is cut at End.
	expect(out[2].json).toMatchObject({ windowStart: STARTS[2], windowEnd: '2024-03-31T00:00:00.000Z' });
});

test('a run whose answer was lost is found, not started again; a run still going over a window is waited for, not doubled', async () => {
	const flowId = await dataflow();
	// The first run comes from Run Now over exactly the first window, and is still copying when Backfill looks.
	const [first] = await h.run({ resource: 'dataflow', operation: 'runNow', dataflow: byId(flowId), windowStart: '2024-01-01T00:00:00Z', windowEnd: '2024-01-31T00:00:00Z', incrementalColumn: 'created_at' });
	h.stack.emulator.faults.add({ method: 'POST', path: /^\/runs$/, kind: { type: 'resetAfter' } });
	try {
		const out = await backfill(flowId, { backfillEnd: '2024-03-01T00:00:00Z' });
		// Run Now's run is mostly still copying when Backfill looks (then followed), else done (then skipped): not doubled either way.
		expect(out.map((o) => [o.json.runId === first.json.runId, o.json.status])).toEqual([
			[true, 'success'],
			[false, 'success'],
		]);
		expect(out[1].json.skipped).toBe(false);
		expect(h.stack.emulator.faults.injected.resetAfter).toBeGreaterThan(0);
		expect(runsOf(flowId)).toHaveLength(2);
	} finally {
		h.stack.emulator.faults.clear();
	}
});

test('two items backfilling one dataflow at once take turns: the second finds the windows copied', async () => {
	const other = await dataflow();
	const both = await h.run({ resource: 'dataflow', operation: 'backfill', dataflow: byId(other), ...FIVE, backfillEnd: '2024-03-01T00:00:00Z' }, { items: [{}, {}] });
	expect(both.map((o) => [o.pairedItem, o.json.skipped])).toEqual([
		[{ item: 0 }, false],
		[{ item: 0 }, false],
		[{ item: 1 }, true],
		[{ item: 1 }, true],
	]);
	expect(runsOf(other)).toHaveLength(2);
});

describe('refused before anything is sent', () => {
	test('a dataflow that runs on a schedule, as Run Now refuses it', async () => {
		const daily = await dataflow({ frequency: 'day', interval: 1 });
		const before = posted();
		const error = await failure(backfill(daily));
		expect(error.message).toMatch(/^Dataflow "backfilled \d+" \([0-9a-f-]{36}\) runs every day on its schedule, so it cannot be run now: only a dataflow scheduled Once can \[item 0\]$/);
		expect(posted()).toBe(before);
	});

	test.each([
		['no Start', { backfillStart: '' }, 'Start is required [item 0]'],
		['an End before Start', { backfillEnd: '2023-12-01T00:00:00Z' }, 'End is not after Start [item 0]'],
		['a Start that is no time', { backfillStart: 'soon' }, 'Start is not a date and time [item 0]'],
		['a Window Length of 0', { windowLength: 0 }, 'Window Length must be a whole number of at least 1 [item 0]'],
		['too many windows', { windowLength: 1, windowUnit: 'minute' }, 'Window Length makes 216000 windows from Start to End, more than the 1000 one backfill runs [item 0]'],
	])('%s', async (_what, extra, message) => {
		const flowId = await dataflow();
		const requests = h.stack.emulator.stats.requests;
		expect((await failure(backfill(flowId, extra))).message).toBe(message);
		expect(h.stack.emulator.stats.requests).toBe(requests);
	});
});
