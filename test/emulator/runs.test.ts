/**
 * What a test can ask of the emulator's runs: how a dataflow's next runs end (planOutcome, and the
 * `fail`, `failrows` and `succeed` lines of `npm run emulator`), and a history of past runs added at
 * once (seed) that cannot be told from the runs the emulator makes. Over HTTP, no node code.
 */
import { runCommand } from '../../emulator/commands';
import type { Stack } from '../../emulator/stack';
import { startStack } from '../../emulator/stack';
import { shapeOf } from '../contract/fixtures';
import { EmulatorClient } from './client';

let stack: Stack;
let client: EmulatorClient;
const DAY = 86_400_000;
const seconds = (ms: number) => Math.floor(ms / 1000);

beforeAll(async () => {
	stack = await startStack({ runDurationMs: 30 });
	client = new EmulatorClient(stack);
}, 60_000);
afterAll(async () => {
	await stack.close();
});

const codes = (run: any) => run.metrics.statusSummary.errors.map((e: any) => e.code);

describe('planOutcome: how the next runs of a dataflow end', () => {
	test('fail twice, then as usual: scheduled runs, the clock moved a day each time; another dataflow is not touched', async () => {
		const pieces = await client.pieces();
		const flow = await client.dataflow({ pieces });
		const neighbour = await client.dataflow({ pieces });
		expect(stack.emulator.pipeline.runs.planOutcome(flow, 'fail', 2)).toEqual(['fail', 'fail']);
		const [first] = await client.finishedRuns(flow, 1);
		expect(first.metrics.statusSummary).toMatchObject({ status: 'failed', errors: [{ code: 'CONNECTOR-1001-500', message: 'Error in copying the data from Source.' }] });
		expect(first.metrics.recordSummary).toEqual({ inputRecordCount: 0, outputRecordCount: 0, failedRecordCount: 0 });
		expect(first.activities.find((a: any) => a.id === 'copyActivity').statusSummary.status).toBe('failed');
		expect((await client.get(`/flows/${flow}`)).items[0].lastRunDetails).toMatchObject({ id: first.id, state: 'failed' });
		expect(stack.emulator.pipeline.runs.plannedOutcomes(flow)).toEqual(['fail']);
		const [beside] = await client.finishedRuns(neighbour, 1);
		expect(beside.metrics.statusSummary.status).toBe('success');
		expect(beside.metrics.recordSummary.inputRecordCount).toBe(4);

		stack.emulator.clock.advance(DAY);
		const second = (await client.finishedRuns(flow, 2))[1];
		expect(codes(second)).toEqual(['CONNECTOR-1001-500']);
		expect(stack.emulator.pipeline.runs.plannedOutcomes(flow)).toEqual([]);

		stack.emulator.clock.advance(DAY);
		const third = (await client.finishedRuns(flow, 3))[2];
		expect(third.metrics.statusSummary).toMatchObject({ status: 'success', errors: [] });
		expect((await client.get(`/flows/${flow}`)).items[0].lastRunDetails).toMatchObject({ id: third.id, state: 'success' });
	});

	test('failed records: the run reads its rows, the given number more fail the mapper, and it succeeds — on demand as well', async () => {
		const flow = await client.dataflow({ frequency: 'once', startTime: seconds(stack.emulator.clock.now()) + 3600 });
		stack.emulator.pipeline.runs.planOutcome(flow, { failedRecords: 5 });
		const now = seconds(stack.emulator.clock.now());
		const posted = await client.send('POST', '/runs', { flowId: flow, params: { startTime: now, windowStartTime: 0, windowEndTime: now, deltaColumn: { name: 'created_at' } } });
		expect(posted.status).toBe(201);
		const run = await client.finished(posted.body.items[0].id);
		expect(run.metrics.recordSummary).toEqual({ inputRecordCount: 9, outputRecordCount: 4, failedRecordCount: 5 });
		expect(run.metrics.statusSummary).toMatchObject({ status: 'success', errors: [{ code: 'CONNECTOR-2001-500', message: 'Error occurred at promotion activity.' }] });
		const promotion = run.activities.find((a: any) => a.id === 'promotionActivity');
		expect(promotion.statusSummary.extensions.errors).toEqual([
			{ code: 'INGEST-1212-400', message: 'Encountered 5 errors in the data. Successfully ingested 4 rows. Review the associated diagnostic files for additional details.' },
			{ code: 'MAPPER-3700-400', recordCount: 5, message: 'Mapper Transform Error' },
		]);
		// The next on-demand run copies as usual.
		const again = await client.send('POST', '/runs', { flowId: flow, params: { startTime: now, windowStartTime: 0, windowEndTime: now } });
		expect((await client.finished(again.body.items[0].id)).metrics.recordSummary).toEqual({ inputRecordCount: 4, outputRecordCount: 4, failedRecordCount: 0 });
	});

	test('success: a run whose table is gone succeeds with no rows; the one after it fails as usual', async () => {
		await stack.database.exec('CREATE TABLE public.planned_gone (id integer, created_at timestamptz)');
		const pieces = await client.pieces('public.planned_gone');
		await stack.database.exec('DROP TABLE public.planned_gone');
		const flow = await client.dataflow({ pieces });
		stack.emulator.pipeline.runs.planOutcome(flow, 'success');
		const [first] = await client.finishedRuns(flow, 1);
		expect(first.metrics.statusSummary).toMatchObject({ status: 'success', errors: [] });
		stack.emulator.clock.advance(DAY);
		const second = (await client.finishedRuns(flow, 2))[1];
		expect(second.metrics.statusSummary.status).toBe('failed');
		expect(second.metrics.statusSummary.errors[0].message).toContain('public.planned_gone');
	});

	test('plans queue up in the order given; what is not a plan is refused', async () => {
		const flow = await client.dataflow({ startTime: seconds(stack.emulator.clock.now()) + 3600 });
		const { runs } = stack.emulator.pipeline;
		runs.planOutcome(flow, 'fail');
		expect(runs.planOutcome(flow, { failedRecords: 2 }, 2)).toEqual(['fail', { failedRecords: 2 }, { failedRecords: 2 }]);
		expect(() => runs.planOutcome('00000000-0000-0000-0000-000000000000', 'fail')).toThrow(/No dataflow/);
		expect(() => runs.planOutcome(flow, 'explode' as never)).toThrow(/Not a planned outcome/);
		expect(() => runs.planOutcome(flow, { failedRecords: 0 })).toThrow(/Not a planned outcome/);
		expect(() => runs.planOutcome(flow, 'fail', 0)).toThrow(/one run or more/);
		expect(runs.plannedOutcomes(flow)).toHaveLength(3);
	});
});

describe('seed: past runs, at once, like the runs the emulator makes', () => {
	test('a seeded run takes its due time: the schedule does not run it again, and runs the next one when it comes', async () => {
		const now = stack.emulator.clock.now();
		const startTime = seconds(now - 3 * DAY - 3_600_000);
		const flow = await client.dataflow({ startTime });
		const slots = [0, 1, 2, 3].map((d) => (startTime + d * 86_400) * 1000);
		stack.emulator.pipeline.runs.seed(flow, slots.map((at) => ({ startedAt: at + 60_000, durationMs: 30_000, status: 'success' as const, read: 4 })));
		expect(await client.runs(flow)).toHaveLength(4);
		stack.emulator.clock.advance(DAY);
		const runs = await client.finishedRuns(flow, 5);
		expect(runs).toHaveLength(5);
		expect(runs[4].metrics.durationSummary.startedAtUTC).toBeGreaterThanOrEqual((startTime + 4 * 86_400) * 1000);
	});

	test('40 dataflows × 7 days at once (under two seconds); count and lastRunDetails follow; GET /flows has them all', async () => {
		const pieces = await client.pieces();
		const later = seconds(stack.emulator.clock.now()) + 3600;
		const flows: string[] = [];
		for (let i = 0; i < 40; i++) flows.push(await client.dataflow({ pieces, startTime: later, name: `health ${i}` }));
		const end = stack.emulator.clock.now() - 3_600_000;
		const started = Date.now();
		const newest = new Map<string, string>();
		for (const [i, flow] of flows.entries()) {
			const days = Array.from({ length: 7 }, (_, d) => {
				const failedRun = (d + i) % 5 === 0;
				return {
					startedAt: end - (7 - d) * DAY,
					durationMs: 45_000,
					status: failedRun ? ('failed' as const) : ('success' as const),
					read: failedRun ? 0 : 100,
					failed: !failedRun && d === 6 && i % 2 === 0 ? 3 : undefined,
				};
			});
			const ids = stack.emulator.pipeline.runs.seed(flow, days);
			expect(new Set(ids).size).toBe(7);
			newest.set(flow, ids[6]);
		}
		expect(Date.now() - started).toBeLessThan(2000);
		for (const flow of [flows[0], flows[17], flows[39]]) {
			expect(await client.get(`/runs?property=flowId==${flow}&count=true`)).toEqual({ count: 7 });
			const runs = await client.runs(flow);
			const last = runs[6];
			expect(last.id).toBe(newest.get(flow));
			expect((await client.get(`/flows/${flow}`)).items[0].lastRunDetails).toEqual({
				id: last.id,
				state: last.metrics.statusSummary.status,
				startedAtUTC: end - DAY,
				completedAtUTC: end - DAY + 45_000,
			});
		}
		const listed = (await client.get('/flows?limit=100')).items.filter((f: any) => flows.includes(f.id));
		expect(listed).toHaveLength(40);
		expect(listed.every((f: any) => f.lastRunDetails?.startedAtUTC === end - DAY)).toBe(true);
		const lastWeek = await client.get(`/runs?property=metrics.durationSummary.startedAtUTC>=${end - 7 * DAY}&property=metrics.durationSummary.startedAtUTC<${end}&count=true`);
		expect(lastWeek.count).toBeGreaterThanOrEqual(280);
		// Failed records on the last day of every other dataflow: success, with the documented partial ingestion codes.
		const partial = (await client.runs(flows[0]))[6];
		expect(partial.metrics).toMatchObject({ recordSummary: { inputRecordCount: 100, outputRecordCount: 97, failedRecordCount: 3 }, statusSummary: { status: 'success' } });
	});

	test('a seeded run has exactly the keys and types of a run the emulator made, for each way a run ends', async () => {
		const { runs } = stack.emulator.pipeline;
		const ago = (days: number) => stack.emulator.clock.now() - days * DAY;
		const copied = await client.dataflow();
		const [made] = await client.finishedRuns(copied, 1);
		const failing = await client.dataflow();
		runs.planOutcome(failing, 'fail');
		const [madeFailed] = await client.finishedRuns(failing, 1);
		const partial = await client.dataflow();
		runs.planOutcome(partial, { failedRecords: 2 });
		const [madePartial] = await client.finishedRuns(partial, 1);
		const get = async (id: string) => (await client.get(`/runs/${id}`)).items[0];
		const [seeded] = runs.seed(copied, [{ startedAt: ago(2), status: 'success', read: 12 }]);
		const [seededFailed] = runs.seed(failing, [{ startedAt: ago(2), status: 'failed' }]);
		const [seededPartial] = runs.seed(partial, [{ startedAt: ago(2), status: 'success', read: 12, failed: 2 }]);
		expect(shapeOf(await get(seeded))).toEqual(shapeOf(made));
		expect(shapeOf(await get(seededFailed))).toEqual(shapeOf(madeFailed));
		expect(shapeOf(await get(seededPartial))).toEqual(shapeOf(madePartial));
		const one = await get(seeded);
		expect(one).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/), etag: expect.stringMatching(/^"[0-9a-f]{8}-0000-0200-0000-[0-9a-f]{12}"$/), flowId: copied, sandboxName: 'prod' });
		expect(one.createdAt).toBe(one.metrics.durationSummary.startedAtUTC);
		expect(one.updatedAt).toBe(one.metrics.durationSummary.completedAtUTC);
		// An older run does not take the place of the newer one the dataflow made.
		expect((await client.get(`/flows/${copied}`)).items[0].lastRunDetails.id).toBe(made.id);
	});

	test('defaults: a failed run that read nothing could not copy; one that read rows could not process them', async () => {
		const flow = await client.dataflow({ startTime: seconds(stack.emulator.clock.now()) + 3600 });
		const [nothing, rows] = stack.emulator.pipeline.runs.seed(flow, [
			{ startedAt: stack.emulator.clock.now() - 2 * DAY, status: 'failed' },
			{ startedAt: stack.emulator.clock.now() - DAY, status: 'failed', read: 50, errors: [{ code: 'CONNECTOR-2001-500', message: 'Error occurred at promotion activity.' }] },
		]);
		const [a, b] = [(await client.get(`/runs/${nothing}`)).items[0], (await client.get(`/runs/${rows}`)).items[0]];
		expect(codes(a)).toEqual(['CONNECTOR-1001-500']);
		expect(b.metrics.recordSummary).toEqual({ inputRecordCount: 50, outputRecordCount: 0, failedRecordCount: 50 });
		expect(b.metrics.statusSummary.errors).toEqual([{ code: 'CONNECTOR-2001-500', message: 'Error occurred at promotion activity.' }]);
		const [c] = stack.emulator.pipeline.runs.seed(flow, [{ startedAt: stack.emulator.clock.now() - 3 * DAY, status: 'failed', read: 5 }]);
		expect((await client.get(`/runs/${c}`)).items[0].metrics.statusSummary.errors).toEqual([{ code: 'CONNECTOR-2001-500', message: 'Error in processing (parsing, validation or transformation) the copied data.' }]);
	});

	test('refused: a run that has not ended yet, counts that do not add up, an unknown dataflow', () => {
		const { runs, flows } = stack.emulator.pipeline;
		const flow = flows.flows.everywhere()[0].item.id;
		const now = stack.emulator.clock.now();
		expect(() => runs.seed(flow, [{ startedAt: now - 1000, durationMs: 60_000, status: 'success' }])).toThrow(/past runs/);
		expect(() => runs.seed(flow, [{ startedAt: now - DAY, status: 'success', read: 5, written: 5, failed: 1 }])).toThrow(/written \+ failed ≤ read/);
		expect(() => runs.seed(flow, [{ startedAt: now - DAY, status: 'skipped' as never }])).toThrow(/success or failed/);
		expect(() => runs.seed('00000000-0000-0000-0000-000000000000', [])).toThrow(/No dataflow/);
	});
});

describe('the fail, failrows and succeed lines of npm run emulator', () => {
	test('by name or id; quoted names; how many runs; what is wrong is said, and planned nothing', async () => {
		const pipeline = stack.emulator.pipeline;
		const later = seconds(stack.emulator.clock.now()) + 3600;
		const pieces = await client.pieces();
		const flow = await client.dataflow({ pieces, startTime: later, name: 'Nightly customers' });
		const twin = [await client.dataflow({ pieces, startTime: later, name: 'twin' }), await client.dataflow({ pieces, startTime: later, name: 'twin' })];

		expect(runCommand(pipeline, 'fail "Nightly customers" 2')).toBe(`Dataflow "Nightly customers" (${flow}), its next runs, scheduled or on demand: fail, fail; then as usual.`);
		expect(runCommand(pipeline, `failrows ${flow} 7`)).toContain('fail, fail, succeed with 7 failed records;');
		expect(runCommand(pipeline, 'succeed "nightly CUSTOMERS"')).toContain('succeed with 7 failed records, succeed;');
		expect(pipeline.runs.plannedOutcomes(flow)).toEqual(['fail', 'fail', { failedRecords: 7 }, 'success']);

		expect(runCommand(pipeline, 'fail twin')).toBe(`2 dataflows are named "twin" (${twin.join(', ')}): give its id`);
		expect(runCommand(pipeline, 'fail nobody')).toBe('No dataflow has the id or name "nobody"');
		expect(runCommand(pipeline, 'failrows "Nightly customers"')).toMatch(/^Usage: failrows <dataflow> <count> \[n\]/);
		expect(runCommand(pipeline, 'failrows "Nightly customers" 0')).toMatch(/^Usage/);
		expect(runCommand(pipeline, 'fail "Nightly customers" two')).toMatch(/^Usage: fail <dataflow> \[n\]/);
		expect(runCommand(pipeline, 'fail')).toBe('Usage: fail <dataflow> [n]');
		expect(pipeline.runs.plannedOutcomes(flow)).toHaveLength(4);
		for (const other of ['+1d', 'help', '', 'failure x']) expect(runCommand(pipeline, other)).toBeUndefined();
	});
});
