/**
 * Dataflow → Get Health over 40 dataflows with a week and more of seeded runs: one item per
 * dataflow, every figure checked against what the test computes from the emulator's own runs
 * (read over HTTP, not from the node).
 */
import { API_KEY, byId, TOKEN, useStack } from '../../../../../support/harness';
import { EmulatorClient } from '../../../../emulator/client';

const h = useStack({ tokens: [TOKEN, 'emulator-token'], apiKeys: [API_KEY] });
const DAY = 86_400_000;
const FLOWS = 40;
let client: EmulatorClient;
const flows: string[] = [];

/** A small deterministic generator, so that a failing case can be read again. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

const ERRORS = [
	{ code: 'CONNECTOR-1001-500', message: 'Error in copying the data from Source.' },
	{ code: 'CONNECTOR-2001-500', message: 'Error in processing the data.' },
	{ code: 'INGEST-1401-400', message: 'Corrupted row.' },
];

beforeAll(async () => {
	client = new EmulatorClient(h.stack);
	const pieces = await client.pieces();
	const now = h.stack.emulator.clock.now();
	const next = random(7);
	for (let f = 0; f < FLOWS; f++) {
		// Scheduled once, a day from now: only the seeded runs. Every fourth dataflow runs clean.
		const flow = await client.dataflow({ name: `health ${String(f).padStart(2, '0')}`, frequency: 'once', startTime: Math.floor(now / 1000) + 86_400, pieces });
		flows.push(flow);
		const runs = [];
		// Two runs a day over nine days: the two oldest days fall outside a seven-day period.
		for (let day = 9; day >= 1; day--) {
			for (const hour of [4, 16]) {
				const roll = next();
				const read = 10 + Math.floor(next() * 90);
				const startedAt = now - day * DAY + hour * 3_600_000;
				const durationMs = 30_000 + Math.floor(next() * 600_000);
				if (f % 4 === 0) runs.push({ startedAt, durationMs, status: 'success' as const, read });
				else if (roll < 0.15) runs.push({ startedAt, durationMs, status: 'failed' as const, read, errors: [ERRORS[Math.floor(next() * ERRORS.length)]] });
				else if (roll < 0.3 && f % 3 !== 0) runs.push({ startedAt, durationMs, status: 'success' as const, read, failed: 1 + Math.floor(next() * 5) });
				else runs.push({ startedAt, durationMs, status: 'success' as const, read });
			}
		}
		h.stack.emulator.pipeline.runs.seed(flow, runs);
	}
}, 120_000);

/** Every run of the dataflow, as the emulator lists them. */
async function emulatorRuns(flowId: string): Promise<any[]> {
	const out: any[] = [];
	let path = `/runs?property=flowId==${flowId}&limit=100`;
	for (;;) {
		const page = await client.get(path);
		out.push(...page.items);
		const href: string | undefined = page._links?.next?.href;
		if (!href) return out;
		path = `/runs?${href.split('?')[1]}`;
	}
}

function expected(flowId: string, runs: any[], since: number) {
	const period = runs.filter((r) => r.metrics.durationSummary.startedAtUTC >= since).sort((a, b) => b.metrics.durationSummary.startedAtUTC - a.metrics.durationSummary.startedAtUTC);
	const status = (r: any) => r.metrics.statusSummary.status;
	const failedRecords = (r: any) => r.metrics.recordSummary.failedRecordCount;
	const durations = period.map((r) => (r.metrics.durationSummary.completedAtUTC - r.metrics.durationSummary.startedAtUTC) / 1000).sort((a, b) => a - b);
	const mid = durations.length / 2;
	const succeeded = period.filter((r) => status(r) === 'success').length;
	const failed = period.filter((r) => status(r) === 'failed').length;
	const recordsFailed = period.reduce((s, r) => s + failedRecords(r), 0);
	const codes = new Map<string, { code: string; count: number; latestMessage: string }>();
	for (const r of period) for (const e of r.metrics.statusSummary.errors) codes.set(e.code, { code: e.code, count: (codes.get(e.code)?.count ?? 0) + 1, latestMessage: codes.get(e.code)?.latestMessage ?? e.message });
	return {
		dataflowId: flowId,
		runs: period.length,
		succeeded,
		failed,
		succeededWithFailedRecords: period.filter((r) => status(r) === 'success' && failedRecords(r) > 0).length,
		successRate: Math.round((succeeded / (succeeded + failed)) * 10_000) / 10_000,
		recordsRead: period.reduce((s, r) => s + r.metrics.recordSummary.inputRecordCount, 0),
		recordsWritten: period.reduce((s, r) => s + r.metrics.recordSummary.outputRecordCount, 0),
		recordsFailed,
		medianDurationSeconds: durations.length % 2 ? durations[Math.floor(mid)] : (durations[mid - 1] + durations[mid]) / 2,
		longestDurationSeconds: durations[durations.length - 1],
		topErrors: [...codes.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)).slice(0, 5),
		lastRun: expect.objectContaining({ id: period[0].id, status: status(period[0]) }),
		lastGoodRun: ((good) => (good ? expect.objectContaining({ id: good.id, status: 'success', failedRecordCount: 0 }) : null))(period.find((r) => status(r) === 'success' && failedRecords(r) === 0)),
		healthy: status(period[0]) === 'success' && recordsFailed === 0,
	};
}

test('All Dataflows over 7 days: 40 items, each with the figures of its own runs in the period', async () => {
	const before = Date.now();
	const out = await h.run({ resource: 'dataflow', operation: 'getHealth', healthOf: 'all', days: 7 });
	const since = Date.now() - 7 * DAY;
	expect(out).toHaveLength(FLOWS);
	expect(out.map((o) => o.pairedItem)).toEqual(Array(FLOWS).fill({ item: 0 }));
	expect(new Set(out.map((o) => o.json.dataflowId))).toEqual(new Set(flows));
	let unhealthy = 0;
	for (const { json } of out) {
		const flowId = String(json.dataflowId);
		const want = expected(flowId, await emulatorRuns(flowId), since);
		expect(want.runs).toBe(14);
		expect(json).toMatchObject(want);
		expect(json).toMatchObject({ dataflowName: expect.stringMatching(/^health \d\d$/), days: 7, inProgress: 0 });
		expect(Date.parse(String(json.since))).toBeGreaterThanOrEqual(before - 7 * DAY);
		expect(json.healthRule).toMatch(/^healthy when the last run succeeded and no record failed in the last 7 days: the last run (succeeded|failed), \d+ records failed$/);
		if (json.healthy === false) unhealthy++;
	}
	// The seed gives both kinds.
	expect(unhealthy).toBeGreaterThan(0);
	expect(unhealthy).toBeLessThan(FLOWS);
});

test('One Dataflow over 3 days, by its ID; a dataflow with no run in the period is neither healthy nor unhealthy', async () => {
	const [one] = await h.run({ resource: 'dataflow', operation: 'getHealth', healthOf: 'one', dataflow: byId(flows[5]), days: 3 });
	const since = Date.now() - 3 * DAY;
	expect(one.json).toMatchObject(expected(flows[5], await emulatorRuns(flows[5]), since));
	expect(one.json.runs).toBe(6);

	const idle = await client.dataflow({ name: 'idle', frequency: 'once', startTime: Math.floor(h.stack.emulator.clock.now() / 1000) + 86_400 });
	const [quiet] = await h.run({ resource: 'dataflow', operation: 'getHealth', healthOf: 'one', dataflow: byId(idle), days: 7 });
	expect(quiet.json).toMatchObject({
		dataflowId: idle,
		dataflowName: 'idle',
		runs: 0,
		successRate: null,
		medianDurationSeconds: null,
		longestDurationSeconds: null,
		topErrors: [],
		lastRun: null,
		lastGoodRun: null,
		healthy: null,
		healthRule: 'no run finished in the last 7 days: nothing to judge',
	});
});
