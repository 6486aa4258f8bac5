/**
 * Re-triggering a run (`POST /runs/{id}/action?op=re-trigger`) and on-demand runs (`POST /runs`) in
 * the emulator, over HTTP: what each makes, and the sources error catalog's refusals.
 */
import { useEmulatorStack } from './client';

const used = useEmulatorStack({ runDurationMs: 30 });
const DAY = 86_400_000;
const seconds = (ms: number) => Math.floor(ms / 1000);
const code = (answer: { status: number; body: any }) => [answer.status, String(answer.body?.type).replace(/^.*FLOW-/, '')];


/** A dataflow scheduled once, later: its only runs are those asked for. */
async function onceFlow(): Promise<string> {
	return await used.client.dataflow({ frequency: 'once', startTime: seconds(used.stack.emulator.clock.now()) + 3600 });
}

async function onDemand(flowId: string, params: Record<string, unknown>): Promise<{ status: number; body: any }> {
	return await used.client.send('POST', '/runs', { flowId, params });
}

const retrigger = async (runId: string, op = 're-trigger') => await used.client.send('POST', `/runs/${runId}/action?op=${op}`);

describe('re-trigger', () => {
	test('a failed on-demand run: 200 {id, etag} of a new run of the same dataflow over the same window, which copies', async () => {
		const flow = await onceFlow();
		used.stack.emulator.pipeline.runs.planOutcome(flow, 'fail');
		const posted = await onDemand(flow, { startTime: 1_700_000_000, windowStartTime: 1_704_067_200, windowEndTime: 1_709_251_200, deltaColumn: { name: 'created_at' } });
		const failed = await used.client.finished(posted.body.items[0].id);
		expect(failed.metrics.statusSummary.status).toBe('failed');
		const answer = await retrigger(failed.id);
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ id: expect.any(String), etag: expect.stringMatching(/^".+"$/) });
		expect(answer.body.id).not.toBe(failed.id);
		const retried = await used.client.finished(answer.body.id);
		expect(retried).toMatchObject({ flowId: flow, params: { windowStartTime: '1704067200', windowEndTime: '1709251200', startTime: '1700000000', deltaColumn: { name: 'created_at' } } });
		expect(retried.createdAt).toBeGreaterThan(failed.createdAt);
		// Two customers joined in January and February 2024: the window's, read again.
		expect(retried.metrics.statusSummary.status).toBe('success');
		expect(retried.metrics.recordSummary.inputRecordCount).toBe(2);
		const copy = (run: any) => run.activities.find((a: any) => a.id === 'copyActivity').durationSummary.extensions;
		expect(copy(retried)).toEqual(copy(failed));
		expect((await used.client.runs(flow)).map((r) => r.id)).toEqual([failed.id, retried.id]);
	});

	test('RE_TRIGGER as the OpenAPI spells it; a scheduled run gets its window in params; a run may be re-triggered again', async () => {
		const flow = await used.client.dataflow({ startTime: seconds(used.stack.emulator.clock.now()) + 3600 });
		const [seeded] = used.stack.emulator.pipeline.runs.seed(flow, [{ startedAt: used.stack.emulator.clock.now() - DAY, status: 'failed' }]);
		const original = (await used.client.get(`/runs/${seeded}`)).items[0];
		expect(original.params).toBeUndefined();
		const first = await retrigger(seeded, 'RE_TRIGGER');
		expect(first.status).toBe(200);
		const retried = await used.client.finished(first.body.id);
		expect(retried.params).toEqual({ windowStartTime: expect.stringMatching(/^\d+$/), windowEndTime: String(seconds(original.metrics.durationSummary.startedAtUTC)) });
		const again = await retrigger(seeded);
		expect(again.status).toBe(200);
		expect(new Set([seeded, first.body.id, again.body.id]).size).toBe(3);
		await used.client.finished(again.body.id);
	});

	test('a success that ingested nothing can be re-triggered; one that ingested records cannot (1387-400), nor a run still running', async () => {
		const flow = await used.client.dataflow({ startTime: seconds(used.stack.emulator.clock.now()) + 3600 });
		const [empty, full] = used.stack.emulator.pipeline.runs.seed(flow, [
			{ startedAt: used.stack.emulator.clock.now() - 2 * DAY, status: 'success', read: 0 },
			{ startedAt: used.stack.emulator.clock.now() - DAY, status: 'success', read: 10 },
		]);
		const ok = await retrigger(empty);
		expect(ok.status).toBe(200);
		const refused = await retrigger(full);
		expect(code(refused)).toEqual([400, '1387-400']);
		expect(refused.body.report['detailed-message']).toBe(`The flowRunId=${full} is in an invalid state=success (records ingested) for re-triggering. Please try again after some time and contact customer support if the problem persists.`);
		// The run just made is still copying.
		expect(code(await retrigger(ok.body.id))).toEqual([400, '1387-400']);
		await used.client.finished(ok.body.id);
	});

	test('a disabled dataflow (1388-400), another action (1401-400), an unknown run (404)', async () => {
		const flow = await used.client.dataflow({ startTime: seconds(used.stack.emulator.clock.now()) + 3600 });
		const [failed] = used.stack.emulator.pipeline.runs.seed(flow, [{ startedAt: used.stack.emulator.clock.now() - DAY, status: 'failed' }]);
		expect(code(await retrigger(failed, 'retry'))).toEqual([400, '1401-400']);
		expect(code(await used.client.send('POST', `/runs/${failed}/action`))).toEqual([400, '1401-400']);
		expect(code(await retrigger('0e9a7a1d-53b6-4a4f-9b2e-3f1c6d0e7a11'))).toEqual([404, '1101-404']);
		const flowObject = (await used.client.get(`/flows/${flow}`)).items[0];
		expect((await used.client.send('POST', `/flows/${flow}/action?op=disable`, undefined)).status).toBe(200);
		const refused = await retrigger(failed);
		expect(code(refused)).toEqual([400, '1388-400']);
		expect(refused.body.report['detailed-message']).toBe(`The flow=${flowObject.id} is in state=disabled and cannot be re-triggered. The flow must be in enabled state for re-triggering.`);
		expect(await used.client.runs(flow)).toHaveLength(1);
	});
});

describe('on-demand runs', () => {
	test('the run carries the params it was asked for, as strings; startTime may be left out (the ad hoc page)', async () => {
		const flow = await onceFlow();
		const posted = await onDemand(flow, { windowStartTime: '1704067200', windowEndTime: 1_706_745_600, deltaColumn: { name: 'created_at' } });
		expect(posted.status).toBe(201);
		const run = await used.client.finished(posted.body.items[0].id);
		expect(run.params).toEqual({ windowStartTime: '1704067200', windowEndTime: '1706745600', deltaColumn: { name: 'created_at' } });
		expect(run.metrics.recordSummary.inputRecordCount).toBe(1);
		// A later run names no column: the dataflow keeps the first one's.
		const later = await onDemand(flow, { windowStartTime: 1_706_745_600, windowEndTime: 1_709_251_200 });
		expect((await used.client.finished(later.body.items[0].id)).params).toEqual({ windowStartTime: '1706745600', windowEndTime: '1709251200' });
	});

	test.each([
		['no params', undefined, '1384-400'],
		['empty params', {}, '1384-400'],
		['a window time that is not a number', { windowStartTime: 'yesterday', windowEndTime: 1_706_745_600 }, '1384-400'],
		['a start time that is not a number', { startTime: 'now', windowStartTime: 0, windowEndTime: 1_706_745_600 }, '1384-400'],
		['a window that ends before it starts', { windowStartTime: 1_706_745_600, windowEndTime: 1_704_067_200, deltaColumn: { name: 'created_at' } }, '1381-400'],
		['no delta column on the first run', { windowStartTime: 0, windowEndTime: 1_706_745_600 }, '1383-400'],
	])('refused as the sources error catalog says: %s', async (_what, params, expected) => {
		const flow = await onceFlow();
		expect(code(await used.client.send('POST', '/runs', { flowId: flow, params }))).toEqual([400, expected]);
		expect(await used.client.runs(flow)).toEqual([]);
	});

	test('refused: a dataflow not scheduled once (1386-400), another delta column than the first run’s (1382-400)', async () => {
		const daily = await used.client.dataflow({ startTime: seconds(used.stack.emulator.clock.now()) + 3600 });
		expect(code(await onDemand(daily, { windowStartTime: 0, windowEndTime: 1_706_745_600, deltaColumn: { name: 'created_at' } }))).toEqual([400, '1386-400']);
		const flow = await onceFlow();
		const first = await onDemand(flow, { windowStartTime: 0, windowEndTime: 1_706_745_600, deltaColumn: { name: 'created_at' } });
		await used.client.finished(first.body.items[0].id);
		expect(code(await onDemand(flow, { windowStartTime: 0, windowEndTime: 1_706_745_600, deltaColumn: { name: 'id' } }))).toEqual([400, '1382-400']);
	});
});
