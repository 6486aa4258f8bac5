/**
 * The nightly example over two nights, in the pinned real n8n against the emulator.
 *
 * Night 1 runs the example as it is, whenever the test runs. Then the emulator's clock moves to the
 * next time Every Night fires (a minute past it: the workflow's nodes reach the Platform after the
 * trigger). n8n's clock cannot be moved, so the one node that reads it, "Tonight at 02:00", is given
 * that night's time, as n8n's clock would give it then; everything else — the dataflow's start time,
 * which run Wait for Run waits for, what the Report shows — is the example's own. Night 2 must reuse
 * everything, and wait for and report the dataflow's second run, the one the Platform started at
 * 02:00 that night, not the first.
 */
import type { Stack } from '../../emulator/stack';
import { startStack } from '../../emulator/stack';
import type { StoredRun } from '../../emulator/pipeline/runs';
import type { Execution } from '../../support/n8n';
import { ensureBuilt, ensureN8n, itemsOf, loadExample, N8nInstance } from '../../support/n8n';
import { API_KEY, ORG, TOKEN } from '../../support/harness';

jest.setTimeout(600_000);

const NIGHTLY = 'nightly-table-to-dataset.json';
/** The node of the example that reads n8n's clock. */
const TONIGHT = 'Tonight at 02:00';
/** The workflow's own timezone, not the machine's: 02:00 there is 17:00 UTC the day before (no daylight saving). */
const TIMEZONE = 'Asia/Tokyo';
const UTC_OFFSET_HOURS = 9;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CREATORS = ['Connect Warehouse', 'Source: the Table', 'Target: the Dataset', 'Map Columns by Name', 'Nightly Dataflow'];

let stack: Stack;
let n8n: N8nInstance;

beforeAll(async () => {
	ensureBuilt();
	ensureN8n();
	stack = await startStack({ tokens: [TOKEN], apiKeys: [API_KEY] });
	n8n = new N8nInstance();
	const { host, port, login } = stack.database;
	await n8n.importCredentials([
		{ id: 'aepFlowSvcCred01', name: 'Flow Service API', type: 'flowServiceApi', data: { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: ORG, sandboxName: 'prod', baseUrl: stack.emulator.url } },
		{ id: 'aepSourceDbLogin', name: 'Source database login', type: 'flowServiceDatabaseApi', data: { loginInput: 'fields', host, port: String(port), ...login } },
	]);
}, 900_000);

afterAll(async () => {
	await stack?.close();
	n8n?.dispose();
});

function expectSuccess(execution: Execution): void {
	if (execution.exitCode !== 0 || execution.result?.status !== 'success') {
		throw new Error(`The execution did not succeed (exit ${execution.exitCode}):\n${execution.output.slice(-3000)}`);
	}
}

/** The first time after `after` at which a daily trigger at `hour` o'clock in TIMEZONE fires. */
function nextFiring(after: number, hour: number): number {
	const day = new Date(after);
	let firing = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), (hour - UTC_OFFSET_HOURS + 24) % 24);
	while (firing <= after) firing += DAY;
	return firing;
}

/** The example, in TIMEZONE, its wait bounded so that a wrong wait fails in minutes; `tonight` stands in for n8n's clock. */
function nightly(tonight?: number) {
	const workflow = loadExample(NIGHTLY, { 'Wait for Run': { waitTimeout: 120 } });
	(workflow as unknown as { settings: Record<string, unknown> }).settings = { executionOrder: 'v1', timezone: TIMEZONE };
	const clockNode = workflow.nodes.find((node) => node.name === TONIGHT);
	if (clockNode && tonight !== undefined) {
		const { assignments } = (clockNode.parameters as { assignments: { assignments: Array<{ value: string }> } }).assignments;
		for (const assignment of assignments) assignment.value = new Date(tonight).toISOString();
	}
	return workflow;
}

test('two nights: night 1 makes everything and reports the first run; the next night reuses it all, and waits for and reports the second run', async () => {
	const workflow = nightly();
	const trigger = workflow.nodes.find((node) => node.name === 'Every Night')!;
	const hour = (trigger.parameters as { rule: { interval: Array<{ triggerAtHour?: number }> } }).rule.interval[0].triggerAtHour ?? 0;
	await n8n.importWorkflow(workflow);

	// Night 1: whenever the test runs, the example as it is; n8n's clock and the Platform's agree.
	const night1 = await n8n.execute(workflow.id);
	expectSuccess(night1);
	for (const node of CREATORS) expect([node, itemsOf(night1.result, node)[0].json.created]).toEqual([node, true]);
	const flowId = String(itemsOf(night1.result, 'Nightly Dataflow')[0].json.id);
	const runs = (): StoredRun[] => [...stack.emulator.pipeline.runs.runs.bucket(ORG, 'prod').values()].filter((run) => run.flowId === flowId).sort((a, b) => a.createdAt - b.createdAt);
	expect(runs()).toHaveLength(1);
	const [first] = runs();
	expect(itemsOf(night1.result, 'Wait for Run')[0].json).toMatchObject({ id: first.id, status: 'success', inputRecordCount: 4 });
	expect(itemsOf(night1.result, 'Report')[0].json).toMatchObject({ status: 'success', recordsRead: 4, recordsWritten: 4, recordsFailed: 0 });

	// During the day, after the first run, a customer signs up.
	const firing = nextFiring(Date.now(), hour);
	await stack.database.exec(`INSERT INTO sales.customers VALUES (5, 'Night Two', 'two@example.com', 'Osaka', true, 7.00, '${new Date(firing - 6 * HOUR).toISOString()}')`);

	// Night 2: Every Night fires at its hour the next night; a minute later its nodes reach the Platform.
	stack.emulator.clock.setNow(firing + 60_000);
	await n8n.importWorkflow(nightly(firing));
	const night2 = await n8n.execute(workflow.id);
	expectSuccess(night2);
	for (const node of CREATORS) {
		expect([node, itemsOf(night2.result, node)[0].json]).toEqual([node, expect.objectContaining({ id: itemsOf(night1.result, node)[0].json.id, created: false, reused: true })]);
	}
	// The Platform ran the dataflow again, on its own schedule, at the hour Every Night fires...
	const startedAt = () => runs().map((run) => new Date(run.metrics.durationSummary.startedAtUTC).toISOString());
	expect(startedAt()).toHaveLength(2);
	const second = runs()[1];
	expect(second.metrics.durationSummary.startedAtUTC).toBeGreaterThanOrEqual(firing);
	// ...and that second run is the one waited for and reported: the row of the day, read once.
	expect(itemsOf(night2.result, 'Wait for Run')[0].json).toMatchObject({ id: second.id, status: 'success' });
	expect(itemsOf(night2.result, 'Report')[0].json).toMatchObject({ runId: second.id, status: 'success', recordsRead: 1, recordsWritten: 1, recordsFailed: 0 });
	expect(itemsOf(night1.result, 'Report')[0].json).toMatchObject({ runId: first.id });
	// Because the dataflow starts at that hour in the workflow's timezone.
	const start = Date.parse(String((itemsOf(night1.result, 'Nightly Dataflow')[0].json.schedule as { startTime: string }).startTime));
	expect((start + UTC_OFFSET_HOURS * HOUR - hour * HOUR) % DAY).toBe(0);
});
