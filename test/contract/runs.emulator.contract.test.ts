/**
 * The emulator's runs held to the runs Adobe documents, and `GET /runs` to the filters, order,
 * count and paging Adobe documents. Three documented runs: one that succeeded (run-success, the
 * monitoring tutorial's newer example), one that failed (run-failed, the failure notification's run)
 * and one that succeeded with failed records (list-runs, the tutorial's older example). Each kind of
 * run the emulator makes — copied from a table, planned by a test, seeded as history — has at least
 * the documented shape of its kind, and the documented status and error codes. Shapes, not values,
 * but for the status and the codes that say what happened.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Stack } from '../../emulator/stack';
import { startStack } from '../../emulator/stack';
import { EmulatorClient } from '../emulator/client';
import { FIXTURES, missingShape } from './fixtures';

let stack: Stack;
let client: EmulatorClient;

const DAY = 86_400_000;
/** The documented run of a fixture: the first item of the GET /runs answer. */
const documentedRun = (name: string): any => structuredClone((FIXTURES[name].response.body as { items: unknown[] }).items[0]);

/** Which activity an activity is, by its id (`copyActivity`) or its name (`Copy Activity`), as Adobe writes them either way. */
const roleOf = (activity: { id?: string; name?: string }) => (/copy/i.test(`${activity.id} ${activity.name ?? ''}`) ? 'copy' : /promotion/i.test(`${activity.id} ${activity.name ?? ''}`) ? 'promotion' : 'other');

/**
 * Where the run lacks the documented shape: the run's members as missingShape compares them, and
 * each documented activity against the emulator's activity of the same role (Adobe's failed run has
 * only its promotion activity, so position says nothing).
 */
function runShapeProblems(documented: any, actual: any): string[] {
	const { activities: documentedActivities, ...documentedRest } = documented;
	const { activities, ...rest } = actual;
	const problems = missingShape(documentedRest, rest);
	for (const activity of documentedActivities as any[]) {
		const role = roleOf(activity);
		const mine = (activities as any[]).find((a) => roleOf(a) === role);
		if (!mine) problems.push(`no ${role} activity`);
		else problems.push(...missingShape(activity, mine, `/activities(${role})`));
	}
	return problems;
}

beforeAll(async () => {
	stack = await startStack({ runDurationMs: 50 });
	client = new EmulatorClient(stack);
}, 60_000);
afterAll(async () => {
	await stack.close();
});

describe('the documented runs', () => {
	test('the fixtures are runs of the kind they are named for', () => {
		const success = documentedRun('run-success');
		expect(success.metrics.statusSummary.status).toBe('success');
		expect(success.metrics.recordSummary.failedRecordCount).toBe(0);
		const failed = documentedRun('run-failed');
		expect(failed.metrics.statusSummary.status).toBe('failed');
		const partial = documentedRun('list-runs');
		expect(partial.metrics.statusSummary.status).toBe('success');
		expect(partial.metrics.recordSummary.failedRecordCount).toBeGreaterThan(0);
	});

	test('a run that succeeded: copied from the table, and seeded', async () => {
		const flow = await client.dataflow();
		const [copied] = await client.finishedRuns(flow, 1);
		const [seededId] = stack.emulator.pipeline.runs.seed(flow, [{ startedAt: stack.emulator.clock.now() - DAY, status: 'success', read: 10 }]);
		const seeded = (await client.get(`/runs/${seededId}`)).items[0];
		// The promotion activity's pathPrefix is a cloud storage source's folder: a table has none.
		const documented = documentedRun('run-success');
		delete documented.activities[1].fileSummary.extensions.manifest.pathPrefix;
		for (const run of [copied, seeded]) {
			expect(runShapeProblems(documented, run)).toEqual([]);
			expect(run.metrics.statusSummary.status).toBe('success');
			expect(run.metrics.recordSummary.failedRecordCount).toBe(0);
			expect(run.metrics.statusSummary.errors).toEqual([]);
		}
	});

	test('a run that failed: planned to fail, seeded, and one whose table is gone', async () => {
		const flow = await client.dataflow({ startTime: Math.floor(stack.emulator.clock.now() / 1000) + 3600 });
		const onDemand = await client.dataflow({ frequency: 'once', startTime: Math.floor(stack.emulator.clock.now() / 1000) + 3600 });
		stack.emulator.pipeline.runs.planOutcome(onDemand, 'fail');
		const now = Math.floor(stack.emulator.clock.now() / 1000);
		const posted = await client.send('POST', '/runs', { flowId: onDemand, params: { startTime: now, windowStartTime: 0, windowEndTime: now, deltaColumn: { name: 'created_at' } } });
		expect(posted.status).toBe(201);
		const planned = await client.finished(posted.body.items[0].id);
		await stack.database.exec('CREATE TABLE public.vanished_for_runs (id integer, created_at timestamptz)');
		const pieces = await client.pieces('public.vanished_for_runs');
		await stack.database.exec('DROP TABLE public.vanished_for_runs');
		const [gone] = await client.finishedRuns(await client.dataflow({ pieces }), 1);
		const [seededId] = stack.emulator.pipeline.runs.seed(flow, [{ startedAt: stack.emulator.clock.now() - DAY, status: 'failed' }]);
		const seeded = (await client.get(`/runs/${seededId}`)).items[0];
		for (const run of [planned, gone, seeded]) {
			expect(runShapeProblems(documentedRun('run-failed'), run)).toEqual([]);
			expect(run.metrics.statusSummary.status).toBe('failed');
		}
		// A source that cannot be copied from, in the words of Adobe's notification page.
		for (const run of [planned, seeded]) expect(run.metrics.statusSummary.errors).toEqual([{ code: 'CONNECTOR-1001-500', message: 'Error in copying the data from Source.' }]);
		expect(gone.metrics.statusSummary.errors[0].code).toMatch(/^CONNECTOR-/);
	});

	test('a run that succeeded with failed records: planned, seeded, and one whose rows do not fit the mapping', async () => {
		const flow = await client.dataflow({ startTime: Math.floor(stack.emulator.clock.now() / 1000) + 3600 });
		const onDemand = await client.dataflow({ frequency: 'once', startTime: Math.floor(stack.emulator.clock.now() / 1000) + 3600 });
		stack.emulator.pipeline.runs.planOutcome(onDemand, { failedRecords: 3 });
		const now = Math.floor(stack.emulator.clock.now() / 1000);
		const posted = await client.send('POST', '/runs', { flowId: onDemand, params: { startTime: now, windowStartTime: 0, windowEndTime: now, deltaColumn: { name: 'created_at' } } });
		const planned = await client.finished(posted.body.items[0].id);
		// city (text) into an integer field: three of the four sample customers have a city.
		const [mapped] = await client.finishedRuns(await client.dataflow({ pieces: await client.pieces('sales.customers', [['city', '_emulator.id']]) }), 1);
		const [seededId] = stack.emulator.pipeline.runs.seed(flow, [{ startedAt: stack.emulator.clock.now() - DAY, status: 'success', read: 100, failed: 1 }]);
		const seeded = (await client.get(`/runs/${seededId}`)).items[0];
		for (const run of [planned, mapped, seeded]) {
			expect(runShapeProblems(documentedRun('list-runs'), run)).toEqual([]);
			expect(run.metrics.statusSummary.status).toBe('success');
			expect(run.metrics.recordSummary.failedRecordCount).toBeGreaterThan(0);
		}
		// Planned and seeded as the documented example has it: the run's error is the promotion's, the detail on the promotion activity.
		const documented = documentedRun('list-runs');
		const codes = (run: any) => ({
			run: run.metrics.statusSummary.errors.map((e: any) => e.code),
			promotion: run.activities.find((a: any) => roleOf(a) === 'promotion').statusSummary.extensions.errors.map((e: any) => e.code),
		});
		for (const run of [planned, seeded]) expect(codes(run)).toEqual(codes(documented));
		expect(planned.metrics.recordSummary).toEqual({ inputRecordCount: 4 + 3, outputRecordCount: 4, failedRecordCount: 3 });
		expect(seeded.metrics.recordSummary).toEqual({ inputRecordCount: 100, outputRecordCount: 99, failedRecordCount: 1 });
		const mapper = (run: any) => run.activities.find((a: any) => roleOf(a) === 'promotion').statusSummary.extensions.errors.find((e: any) => e.code === 'MAPPER-3700-400');
		expect(mapper(planned)).toEqual({ code: 'MAPPER-3700-400', recordCount: 3, message: 'Mapper Transform Error' });
		expect(mapper(seeded).recordCount).toBe(1);
	});

	test("a dataflow's lastRunDetails has the documented shape (update-dataflows.md's look-up)", async () => {
		const readback = JSON.parse(readFileSync(join(__dirname, 'readback', 'flow-create-vs-get.json'), 'utf8'));
		const documented = readback.readBack.body.items[0].lastRunDetails;
		const flow = await client.dataflow();
		const [run] = await client.finishedRuns(flow, 1);
		const { lastRunDetails } = (await client.get(`/flows/${flow}`)).items[0];
		expect(missingShape(documented, lastRunDetails)).toEqual([]);
		expect(lastRunDetails).toEqual({ id: run.id, state: 'success', startedAtUTC: run.metrics.durationSummary.startedAtUTC, completedAtUTC: run.metrics.durationSummary.completedAtUTC });
	});
});

describe('GET /runs answers the documented filters as documented', () => {
	let flow: string;
	let other: string;
	let t0: number;
	const hour = 3_600_000;
	let ids: string[];

	beforeAll(async () => {
		// Two dataflows whose schedule starts later: their only runs are the seeded ones, at known times.
		const later = Math.floor(stack.emulator.clock.now() / 1000) + 3600;
		const pieces = await client.pieces();
		flow = await client.dataflow({ startTime: later, pieces, name: 'filtered' });
		other = await client.dataflow({ startTime: later, pieces, name: 'other' });
		t0 = stack.emulator.clock.now() - 10 * DAY;
		const statuses = ['success', 'failed', 'success', 'success', 'failed', 'success', 'success', 'success', 'failed', 'success'] as const;
		ids = stack.emulator.pipeline.runs.seed(
			flow,
			statuses.map((status, i) => ({ startedAt: t0 + i * hour, status, read: status === 'success' ? 10 : 0, failed: i === 3 ? 2 : undefined })),
		);
		stack.emulator.pipeline.runs.seed(other, [{ startedAt: t0, status: 'failed' }]);
	});

	const startedAt = (runs: any[]) => runs.map((r) => r.metrics.durationSummary.startedAtUTC);

	test('flowId== (monitor.md): only that dataflow\'s runs; id==a,b (sort-and-filter.md): those runs', async () => {
		expect((await client.runs(flow)).map((r) => r.id)).toEqual(ids);
		expect((await client.get(`/runs?property=flowId==${other}`)).items).toHaveLength(1);
		const two = (await client.get(`/runs?property=id==${ids[2]},${ids[7]}`)).items.map((r: any) => r.id);
		expect(two.sort()).toEqual([ids[2], ids[7]].sort());
	});

	test('startedAtUTC> and < together, in epoch milliseconds (sort-and-filter.md); >= and <= take the bound', async () => {
		const between = (await client.get(`/runs?property=flowId==${flow}&property=metrics.durationSummary.startedAtUTC>${t0 + 2 * hour}&property=metrics.durationSummary.startedAtUTC<${t0 + 6 * hour}&orderby=createdAt`)).items;
		expect(startedAt(between)).toEqual([3, 4, 5].map((i) => t0 + i * hour));
		const inclusive = (await client.get(`/runs?property=flowId==${flow}&property=metrics.durationSummary.startedAtUTC>=${t0 + 2 * hour}&property=metrics.durationSummary.startedAtUTC<=${t0 + 6 * hour}&orderby=createdAt`)).items;
		expect(startedAt(inclusive)).toEqual([2, 3, 4, 5, 6].map((i) => t0 + i * hour));
	});

	test('status==Failed as the guide writes it finds the failed runs; an OR-list of statuses finds either', async () => {
		const failed = (await client.get(`/runs?property=flowId==${flow}&property=metrics.statusSummary.status==Failed`)).items;
		expect(failed.map((r: any) => r.id).sort()).toEqual([ids[1], ids[4], ids[8]].sort());
		expect(failed.every((r: any) => r.metrics.statusSummary.status === 'failed')).toBe(true);
		const either = (await client.get(`/runs?property=flowId==${flow}&property=metrics.statusSummary.status==failed,success`)).items;
		expect(either).toHaveLength(10);
		const notFailed = (await client.get(`/runs?property=flowId==${flow}&property=metrics.statusSummary.status!=failed`)).items;
		expect(notFailed).toHaveLength(7);
		const withFailedRecords = (await client.get(`/runs?property=flowId==${flow}&property=metrics.recordSummary.failedRecordCount>0&property=metrics.statusSummary.status==success`)).items;
		expect(withFailedRecords.map((r: any) => r.id)).toEqual([ids[3]]);
	});

	test('state==inProgress (sort-and-filter.md) finds the runs still running, and only them', async () => {
		const slow = await startStack({ runDurationMs: 1500 });
		try {
			const slowClient = new EmulatorClient(slow);
			const running = await slowClient.dataflow();
			const [run] = (await slowClient.get(`/runs?property=state==inProgress`)).items;
			expect(run).toMatchObject({ flowId: running, metrics: { statusSummary: { status: 'inProgress' } } });
			await slowClient.finished(run.id);
			expect((await slowClient.get(`/runs?property=state==inProgress`)).items).toEqual([]);
			expect((await slowClient.get(`/runs?property=state==success`)).items.map((r: any) => r.id)).toEqual([run.id]);
		} finally {
			await slow.close();
		}
	}, 60_000);

	test('count=true: {count} only, filters applied (sort-and-filter.md); the documented count of enabled flows has its shape', async () => {
		expect(await client.get(`/runs?property=flowId==${flow}&property=metrics.statusSummary.status==failed&count=true`)).toEqual({ count: 3 });
		const fixture = FIXTURES['count-flows'];
		const answer = await client.send('GET', `/flows?property=${fixture.request!.query!.property}&count=true`);
		expect(answer.status).toBe(fixture.response.status);
		expect(missingShape(fixture.response.body, answer.body)).toEqual([]);
		expect(Object.keys(answer.body)).toEqual(['count']);
	});

	test("lastRunDetails.startedAtUTC>= (the OpenAPI's example) finds the dataflows whose last run started then or later", async () => {
		const { lastRunDetails } = (await client.get(`/flows/${flow}`)).items[0];
		expect(lastRunDetails).toMatchObject({ id: ids[9], state: 'success', startedAtUTC: t0 + 9 * hour });
		const found = (await client.get(`/flows?property=lastRunDetails.startedAtUTC>=${t0 + 9 * hour}`)).items.map((f: any) => f.id);
		expect(found).toContain(flow);
		expect(found).not.toContain(other);
	});

	test('an array member is reached with [] (sort-and-filter.md: sourceConnectionIds[]==a,b); without [] it matches nothing', async () => {
		const { sourceConnectionIds } = (await client.get(`/flows/${flow}`)).items[0];
		const found = (await client.get(`/flows?property=sourceConnectionIds[]==${sourceConnectionIds[0]},nothing&limit=100`)).items.map((f: any) => f.id);
		expect(found.sort()).toEqual([flow, other].sort());
		expect((await client.get(`/flows?property=sourceConnectionIds==${sourceConnectionIds[0]}&limit=100`)).items).toEqual([]);
	});

	test('orderby createdAt, +createdAt (also sent unencoded) and -createdAt; updatedAt', async () => {
		const ascending = startedAt((await client.get(`/runs?property=flowId==${flow}&orderby=createdAt`)).items);
		expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
		for (const plus of ['%2BcreatedAt', '+createdAt']) expect(startedAt((await client.get(`/runs?property=flowId==${flow}&orderby=${plus}`)).items)).toEqual(ascending);
		expect(startedAt((await client.get(`/runs?property=flowId==${flow}&orderby=-createdAt`)).items)).toEqual([...ascending].reverse());
		expect(startedAt((await client.get(`/runs?property=flowId==${flow}&orderby=-updatedAt`)).items)).toEqual([...ascending].reverse());
	});

	test('limit and _links.next: every run once, in order, with the filters and order sent again; the last page has _links {}', async () => {
		const seen: string[] = [];
		let page = await client.get(`/runs?property=flowId==${flow}&orderby=-createdAt&limit=3`);
		let pages = 1;
		for (;;) {
			expect(page.items.length).toBeLessThanOrEqual(3);
			seen.push(...page.items.map((r: any) => r.id));
			if (!page._links.next) break;
			expect(page._links.next.href).toMatch(/^\/runs\?continuationToken=/);
			page = await client.get(`${page._links.next.href}&property=flowId==${flow}&orderby=-createdAt&limit=3`);
			pages++;
		}
		expect(pages).toBe(4);
		expect(page._links).toEqual({});
		expect(seen).toEqual([...ids].reverse());
		expect(missingShape({ items: [], _links: {} }, page)).toEqual([]);
	});

	test.each([
		['two values with a comparison', 'property=metrics.durationSummary.startedAtUTC<=1,2', '1443-400'],
		['a comparison on an id', 'property=id>=abc', '1448-400'],
		['a time that is not epoch milliseconds', 'property=metrics.durationSummary.startedAtUTC>2024-01-01T00:00:00Z', '1452-400'],
		['an operator the service does not have', 'property=flowId!>abc', '1450-400'],
		['no value', 'property=flowId==', '1453-400'],
		['a field runs are not ordered by', 'orderby=name', '1433-400'],
		['a sign after the field', 'orderby=createdAt-', '1432-400'],
		['limit with count', 'count=true&limit=5', '1401-400'],
		['a parameter the list does not take', 'start=0', '1451-400'],
	])('refused as the catalog says: %s', async (_what, query, code) => {
		const answer = await client.send('GET', `/runs?${query}`);
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ type: `https://ns.adobe.com/aep/errors/FLOW-${code}`, status: 400, report: { 'detailed-message': expect.any(String) } });
		// The documented error is a flow's 404, with two report members of its own (id, type).
		const documented = structuredClone(FIXTURES['error-flow-service'].response.body) as { report: Record<string, unknown> };
		delete documented.report.id;
		delete documented.report.type;
		expect(missingShape(documented, answer.body)).toEqual([]);
	});
});
