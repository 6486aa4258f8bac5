import { byId, failure, useStack } from '../../../../../support/harness';
import { pipelineSteps } from '../../../../../support/pipeline';

const h = useStack({ runDurationMs: 1500 });
const steps = pipelineSteps(h);
let dataset: { id: string; schemaId: string };
let baseId: unknown;

beforeAll(async () => {
	dataset = await steps.sampleDataset();
	baseId = (await steps.baseConnection('run-base')).id;
});

// The orders table has no column of a field's name: its id is mapped by a pair.
const ORDER_PAIRS = { pairs: { pair: [{ source: 'order_id', destination: '_emulator.id' }] } };

async function flowOn(table: string, name: string, extra = {}) {
	const source = (await steps.sourceConnection(baseId, `${name} source`, table)).id;
	const target = (await steps.targetConnection(dataset.id, `${name} target`)).id;
	const mapping = (await steps.mapping(dataset.schemaId, source, table === 'sales.orders' ? ORDER_PAIRS : {})).id;
	return await steps.dataflow(name, source, target, mapping, extra);
}

test('Wait for Run polls until the run has finished, and returns its record counts: the rows of the table', async () => {
	const flow = await flowOn('sales.customers', 'waited');
	const polls = h.stack.emulator.stats.byRoute['GET /runs'] ?? 0;
	const out = await steps.waitForRun(flow.id);
	expect(out).toEqual({
		id: expect.any(String),
		flowId: flow.id,
		status: 'success',
		inputRecordCount: 4,
		outputRecordCount: 4,
		failedRecordCount: 0,
		startedAt: expect.any(String),
		completedAt: expect.any(String),
		durationSeconds: expect.any(Number),
		errors: [],
		etag: expect.any(String),
		waitedSeconds: expect.any(Number),
	});
	// The run takes 1.5 s and the node looks every second: more than one look.
	expect((h.stack.emulator.stats.byRoute['GET /runs'] ?? 0) - polls).toBeGreaterThan(1);
	const many = await h.run({ resource: 'run', operation: 'getMany', dataflow: byId(flow.id), returnAll: true });
	expect(many.map((o) => o.json.id)).toEqual([out.id]);
	expect((await h.run({ resource: 'run', operation: 'get', runId: out.id }))[0].json).toMatchObject({ id: out.id, inputRecordCount: 4 });
});

test('a failed run is an error with the Platform’s reason; with Continue On Fail an error item, paired', async () => {
	await h.stack.database.exec('CREATE TABLE public.vanishing (id integer, name text, created_at timestamptz)');
	const source = (await steps.sourceConnection(baseId, 'vanishing source', 'public.vanishing')).id;
	await h.stack.database.exec('DROP TABLE public.vanishing');
	const target = (await steps.targetConnection(dataset.id, 'vanishing target')).id;
	const mapping = (await steps.mapping(dataset.schemaId, source, { mappingMode: 'pairs', pairs: { pair: [{ source: 'id', destination: '_emulator.id' }] } })).id;
	const flow = await steps.dataflow('vanishing', source, target, mapping);
	const error = await failure(steps.waitForRun(flow.id));
	expect(error.message).toMatch(/^Run [0-9a-f-]{36} of dataflow [0-9a-f-]{36} failed: Error occurred at copy activity: The table public\.vanishing does not exist \(CONNECTOR-9001-500\) \[item 0\]$/);
	const out = await h.run({ resource: 'run', operation: 'wait', dataflow: byId(flow.id), pollInterval: 1 }, { items: [{}, {}], onError: 'continueRegularOutput' });
	expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(out[1].json.error).toMatch(/does not exist/);
});

test('no run before the timeout: an error that says so; Run Now on a dataflow scheduled once, then waiting for that run', async () => {
	const later = await flowOn('sales.orders', 'later', { frequency: 'once', startTime: new Date(Date.now() + 3_600_000).toISOString() });
	const error = await failure(steps.waitForRun(later.id, { waitTimeout: 2 }));
	expect(error.message).toBe(`No run of dataflow ${String(later.id)} finished within 2 seconds: no run has started [item 0]`);
	const started = (await h.run({ resource: 'dataflow', operation: 'runNow', dataflow: byId(later.id), incrementalColumn: 'ordered_on' }))[0].json;
	expect(started).toMatchObject({ runId: expect.any(String), flowId: later.id, windowStart: '1970-01-01T00:00:00.000Z' });
	const run = await steps.waitForRun(later.id, { which: 'id', runId: started.runId });
	expect(run).toMatchObject({ id: started.runId, status: 'success', inputRecordCount: 3 });
});

test('Run Now on a dataflow that runs on a schedule: refused before anything is sent, naming the dataflow, the item and what to do', async () => {
	const scheduled = await flowOn('sales.orders', 'daily orders', { incrementalColumn: 'ordered_on', interval: 2, startTime: '2099-01-01T02:00:00Z' });
	const runsBefore = h.stack.emulator.stats.byRoute['POST /runs'] ?? 0;
	expect(runsBefore).toBeGreaterThan(0);
	const notOnce = await failure(h.run({ resource: 'dataflow', operation: 'runNow', dataflow: byId(scheduled.id), incrementalColumn: { __rl: true, mode: 'list', value: 'ordered_on' } }, { items: [{}, {}] }));
	expect(notOnce.message).toBe(`Dataflow "daily orders" (${String(scheduled.id)}) runs every 2 days on its schedule, so it cannot be run now: only a dataflow scheduled Once can [item 0]`);
	expect(notOnce.description).toBe(
		'Wait for its next scheduled run (Run → Wait for Run), or set its Frequency to Once with Dataflow → Update Schedule (the Platform allows it only before its start time), or pick a dataflow scheduled Once.',
	);
	// With Continue On Fail, an error item per input item, paired; still nothing sent.
	const out = await h.run({ resource: 'dataflow', operation: 'runNow', dataflow: byId(scheduled.id) }, { items: [{}, {}], onError: 'continueRegularOutput' });
	expect(out.map((o) => [o.pairedItem, String(o.json.error).endsWith(`[item ${(o.pairedItem as { item: number }).item}]`)])).toEqual([
		[{ item: 0 }, true],
		[{ item: 1 }, true],
	]);
	expect(h.stack.emulator.stats.byRoute['POST /runs'] ?? 0).toBe(runsBefore);
});
