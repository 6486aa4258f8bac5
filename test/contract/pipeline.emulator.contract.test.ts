/**
 * The emulator's pipeline held to Adobe's documented examples: source and target connections,
 * mapping sets (both dialects), dataflows and runs. Each documented request, with the documented ids
 * replaced by ones the emulator holds, is accepted and answered in the documented shape; a dataflow's
 * run really reads the table and counts its rows; and it refuses what the docs say the Platform refuses.
 */
import type { Stack } from '../../emulator/stack';
import { startStack } from '../../emulator/stack';
import { FIXTURES, missingShape } from './fixtures';
import { sendTo } from '../emulator/client';

const GREENPLUM = '37b6bf40-d318-4655-90be-5cd6f65d334b';
let stack: Stack;
let baseId: string;
let dataset: { id: string; schemaId: string };

type Answer = { status: number; body: any };

async function send(method: string, path: string, body?: unknown, extra: Record<string, string> = {}, service = 'flowservice'): Promise<Answer> {
	return await sendTo(stack.emulator.url, method, path, body, { service, headers: extra });
}

function documented(name: string, answer: Answer) {
	expect(answer.status).toBe(FIXTURES[name].response.status);
	expect(missingShape(FIXTURES[name].response.body, answer.body)).toEqual([]);
}

/** The documented body with the ids the emulator holds. */
function body(name: string, replace: Record<string, unknown>): any {
	return { ...structuredClone(FIXTURES[name].request!.body as object), ...replace };
}

async function sourceConnection(table = 'sales.customers'): Promise<string> {
	const answer = await send('POST', '/sourceConnections', body('create-source-connection', { baseConnectionId: baseId, params: { tableName: table }, connectionSpec: { id: GREENPLUM, version: '1.0' } }));
	expect(answer.status).toBe(201);
	return answer.body.id;
}

async function targetConnection(): Promise<string> {
	const answer = await send('POST', '/targetConnections', body('create-target-connection', { params: { dataSetId: dataset.id }, data: { schema: { id: dataset.schemaId, version: 'application/vnd.adobe.xed-full+json;version=1' } } }));
	expect(answer.status).toBe(201);
	return answer.body.id;
}

async function mappingSet(pairs: Array<[string, string]>): Promise<string> {
	const answer = await send('POST', '/mappingSets', { outputSchema: { schemaRef: { id: dataset.schemaId, contentType: 'application/vnd.adobe.xed-full+json;version=1' } }, mappings: pairs.map(([source, destination]) => ({ sourceType: 'ATTRIBUTE', source, destination })) }, {}, 'conversion');
	expect(answer.status).toBe(200);
	return answer.body.id;
}

function flowBody(source: string, target: string, mapping: string, schedule: Record<string, unknown> = { startTime: Math.floor(Date.now() / 1000), frequency: 'day', interval: 1 }, delta: string | null = 'created_at') {
	return body('create-flow', {
		sourceConnectionIds: [source],
		targetConnectionIds: [target],
		transformations: [...(delta ? [{ name: 'Copy', params: { deltaColumn: { name: delta, dateFormat: 'yyyy-MM-dd HH:mm:ss', timezone: 'UTC' } } }] : []), { name: 'Mapping', params: { mappingId: mapping, mappingVersion: 0 } }],
		scheduleParams: schedule,
	});
}

async function finishedRun(flowId: string): Promise<any> {
	for (let i = 0; i < 100; i++) {
		const runs = await send('GET', `/runs?property=flowId==${flowId}`);
		const run = runs.body.items.find((r: any) => r.metrics.statusSummary.status !== 'inProgress');
		if (run) return run;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('no run finished');
}

beforeAll(async () => {
	stack = await startStack({ runDurationMs: 50 });
	const { host, port, login } = stack.database;
	const created = await send('POST', '/connections', {
		name: 'pipeline',
		auth: { specName: 'Basic Authentication', params: { connectionString: `HOST=${host};PORT=${port};DB=${login.database};UID=${login.username};PWD=${login.password}` } },
		connectionSpec: { id: GREENPLUM, version: '1.0' },
	});
	baseId = created.body.id;
	const datasets = await send('GET', '/dataSets?limit=10', undefined, {}, 'catalog');
	const [id, record] = Object.entries(datasets.body as Record<string, { schemaRef: { id: string } }>)[0];
	dataset = { id, schemaId: record.schemaRef.id };
}, 60_000);
afterAll(async () => {
	await stack.close();
});

describe('documented requests are accepted and answered in the documented shape', () => {
	test('create-source-connection, create-target-connection, both mapping dialects, create-flow, list-runs', async () => {
		const source = await send('POST', '/sourceConnections', body('create-source-connection', { baseConnectionId: baseId, connectionSpec: { id: GREENPLUM, version: '1.0' } }));
		documented('create-source-connection', source);
		const target = await send('POST', '/targetConnections', body('create-target-connection', { params: { dataSetId: dataset.id }, data: { schema: { id: dataset.schemaId, version: 'application/vnd.adobe.xed-full+json;version=1' } } }));
		documented('create-target-connection', target);
		const legacy = await send('POST', '/mappingSets', body('create-mapping-set-legacy', { xdmSchema: dataset.schemaId, mappings: [{ destinationXdmPath: '_id', sourceAttribute: 'id', identity: false, identityGroup: null, namespaceCode: null, version: 0 }] }), {}, 'conversion');
		documented('create-mapping-set-legacy', legacy);
		const current = body('create-mapping-set', {});
		current.outputSchema.schemaRef.id = dataset.schemaId;
		current.mappings = current.mappings.map((m: any, i: number) => ({ ...m, source: ['id', 'name', 'city'][i], destination: ['_id', 'person.name.fullName', '_emulator.city'][i] }));
		const mapping = await send('POST', '/mappingSets', current, {}, 'conversion');
		documented('create-mapping-set', mapping);
		expect(mapping.body.id).toMatch(/^[0-9a-f]{32}$/);
		// The tutorial's own schedule (strings, a start in 2021, every 15 minutes) and delta column, on the sample table.
		const flow = await send('POST', '/flows', flowBody(source.body.id, target.body.id, mapping.body.id, { ...FIXTURES['create-flow'].request!.body as any }.scheduleParams, 'created_at'));
		documented('create-flow', flow);
		const runs = await send('GET', `/runs?property=flowId==${flow.body.id}&limit=1`);
		documented('list-runs', { status: runs.status, body: { ...runs.body, items: [await finishedRun(flow.body.id)] } });
		expect(missingShape(FIXTURES['list-runs'].response.body, runs.body).filter((p) => !p.includes('completedAtUTC') && !p.includes('activities'))).toEqual([]);
	});

	test('a source connection, dataflow and run read back as the tutorials show them', async () => {
		const source = await sourceConnection();
		const got = await send('GET', `/sourceConnections/${source}`);
		expect(got.body.items[0]).toMatchObject({ id: source, baseConnectionId: baseId, data: { format: 'tabular' }, params: { tableName: 'sales.customers' }, connectionSpec: { id: GREENPLUM } });
		const flow = (await send('POST', '/flows', flowBody(source, await targetConnection(), await mappingSet([['id', `_emulator.id`]])))).body.id;
		const read = (await send('GET', `/flows/${flow}`)).body.items[0];
		expect(read).toMatchObject({ id: flow, state: 'enabled', flowSpec: { id: '14518937-270c-4525-bdec-c2ba7cce3860' }, sourceConnectionIds: [source], scheduleParams: { frequency: 'day', interval: '1', backfill: 'true' } });
		expect(read.inheritedAttributes.sourceConnections[0].baseConnection.id).toBe(baseId);
	});
});

describe('runs really read the table', () => {
	test('the input record count is the row count of the table, read from the database', async () => {
		await stack.database.exec('CREATE TABLE IF NOT EXISTS public.counted (id integer, label text, updated_at timestamptz)');
		await stack.database.exec(`INSERT INTO public.counted SELECT g, 'row ' || g, now() - interval '1 day' FROM generate_series(1, 37) g`);
		const flow = await send('POST', '/flows', flowBody(await sourceConnection('public.counted'), await targetConnection(), await mappingSet([['id', '_emulator.id'], ['label', '_emulator.name']]), undefined, 'updated_at'));
		const run = await finishedRun(flow.body.id);
		expect(run.metrics.recordSummary).toEqual({ inputRecordCount: 37, outputRecordCount: 37, failedRecordCount: 0 });
		expect(run.metrics.statusSummary).toMatchObject({ status: 'success', errors: [] });
		expect((await send('GET', `/flows/${flow.body.id}`)).body.items[0].lastRunDetails).toMatchObject({ id: run.id, state: 'success' });
	});

	test('rows whose value does not fit the mapped field fail, counted as the mapper does', async () => {
		// city (text) into an integer field: the three rows with a city fail, the one without passes.
		const flow = await send('POST', '/flows', flowBody(await sourceConnection(), await targetConnection(), await mappingSet([['city', '_emulator.id']])));
		const run = await finishedRun(flow.body.id);
		expect(run.metrics.recordSummary).toEqual({ inputRecordCount: 4, outputRecordCount: 1, failedRecordCount: 3 });
		expect(run.metrics.statusSummary.errors).toEqual([{ code: 'MAPPER-3700-400', recordCount: 3, message: 'Mapper Transform Error' }]);
	});

	test('a table that is gone fails the run with the reason', async () => {
		await stack.database.exec('CREATE TABLE public.doomed (id integer, at timestamptz)');
		const source = await sourceConnection('public.doomed');
		await stack.database.exec('DROP TABLE public.doomed');
		const flow = await send('POST', '/flows', flowBody(source, await targetConnection(), await mappingSet([['id', '_emulator.id']]), undefined, 'at'));
		const run = await finishedRun(flow.body.id);
		expect(run.metrics.statusSummary.status).toBe('failed');
		expect(run.metrics.statusSummary.errors[0].message).toContain('public.doomed does not exist');
	});

	test('a schedule whose start is ahead has no run yet; an on-demand run needs a flow scheduled once', async () => {
		const later = flowBody(await sourceConnection(), await targetConnection(), await mappingSet([['id', '_emulator.id']]), { startTime: Math.floor(Date.now() / 1000) + 3600, frequency: 'hour', interval: 1 });
		const flow = (await send('POST', '/flows', later)).body.id;
		expect((await send('GET', `/runs?property=flowId==${flow}`)).body.items).toEqual([]);
		const now = Math.floor(Date.now() / 1000);
		const params = { startTime: now, windowStartTime: 0, windowEndTime: now, deltaColumn: { name: 'created_at' } };
		expect((await send('POST', '/runs', { flowId: flow, params })).body.type).toMatch(/1386-400$/);
		const once = (await send('POST', '/flows', flowBody(await sourceConnection(), await targetConnection(), await mappingSet([['id', '_emulator.id']]), { startTime: now + 3600, frequency: 'once' }, null))).body.id;
		expect((await send('POST', '/runs', { flowId: once, params: { ...params, deltaColumn: undefined } })).body.type).toMatch(/1383-400$/);
		const onDemand = await send('POST', '/runs', { flowId: once, params });
		expect(onDemand.status).toBe(201);
		expect((await finishedRun(once)).metrics.recordSummary.inputRecordCount).toBe(4);
	});
});

describe('refused as the error catalogs say', () => {
	test.each([
		['a target of another connection spec', async () => send('POST', '/targetConnections', body('create-target-connection', { connectionSpec: { id: GREENPLUM, version: '1.0' } })), '1307-400'],
		['a target without a dataset', async () => send('POST', '/targetConnections', body('create-target-connection', { params: {} })), '1325-400'],
		['a source without a base connection', async () => send('POST', '/sourceConnections', body('create-source-connection', { baseConnectionId: undefined })), '1323-400'],
		['a source that is not tabular', async () => send('POST', '/sourceConnections', body('create-source-connection', { baseConnectionId: baseId, connectionSpec: { id: GREENPLUM }, data: { format: 'json' } })), '1327-400'],
	])('%s', async (_what, request, code) => {
		expect((await request()).body.type).toMatch(new RegExp(`${code}$`));
	});

	test('dataflows: schedule, delta column, mapping and state', async () => {
		const source = await sourceConnection();
		const target = await targetConnection();
		const mapping = await mappingSet([['id', '_emulator.id']]);
		const now = Math.floor(Date.now() / 1000);
		const cases: Array<[unknown, string]> = [
			[flowBody(source, target, mapping, {}), '1317-400'],
			[flowBody(source, target, mapping, { startTime: now, frequency: 'month', interval: 1 }), '1397-400'],
			[flowBody(source, target, mapping, { startTime: now, frequency: 'minute', interval: 5 }), '1362-400'],
			[flowBody(source, target, mapping, { startTime: now, frequency: 'once', interval: 1 }, null), '1361-400'],
			[flowBody(source, target, mapping, { startTime: now, frequency: 'once' }), '1369-400'],
			[flowBody(source, target, mapping, undefined, null), '1367-400'],
			[{ ...flowBody(source, target, mapping), transformations: [] }, '1370-400'],
			[{ ...flowBody(source, target, mapping), sourceConnectionIds: [] }, '1338-400'],
			[{ ...flowBody(source, target, mapping), state: 'enabled' }, '1410-400'],
		];
		for (const [request, code] of cases) expect([code, (await send('POST', '/flows', request)).body.type]).toEqual([code, expect.stringMatching(new RegExp(`${code}$`))]);
	});

	test('enable, disable, update with the etag, delete: and what a dataflow keeps from being deleted', async () => {
		const source = await sourceConnection();
		const flow = (await send('POST', '/flows', flowBody(source, await targetConnection(), await mappingSet([['id', '_emulator.id']])))).body;
		expect((await send('DELETE', `/sourceConnections/${source}`)).body.type).toMatch(/1418-400$/);
		expect((await send('DELETE', `/connections/${baseId}`)).body.type).toMatch(/1418-400$/);
		expect((await send('POST', `/flows/${flow.id}/action?op=enable`)).body.type).toMatch(/1422-400$/);
		const disabled = await send('POST', `/flows/${flow.id}/action?op=DISABLE`);
		expect(disabled.status).toBe(200);
		const patch = [{ op: 'replace', path: '/scheduleParams/interval', value: 2 }];
		expect((await send('PATCH', `/flows/${flow.id}`, patch)).body.type).toMatch(/1403-400$/);
		expect((await send('PATCH', `/flows/${flow.id}`, patch, { 'If-Match': flow.etag })).body.type).toMatch(/1404-412$/);
		expect((await send('PATCH', `/flows/${flow.id}`, patch, { 'If-Match': disabled.body.etag })).status).toBe(200);
		expect((await send('GET', `/flows/${flow.id}`)).body.items[0]).toMatchObject({ state: 'disabled', scheduleParams: { interval: '2' } });
		expect((await send('DELETE', `/flows/${flow.id}`)).status).toBe(204);
		expect((await send('DELETE', `/sourceConnections/${source}`)).status).toBe(204);
	});

	test('a mapping to a field the schema does not have; catalog and schema registry basics', async () => {
		const bad = await send('POST', '/mappingSets', { outputSchema: { schemaRef: { id: dataset.schemaId } }, mappings: [{ sourceType: 'ATTRIBUTE', source: 'id', destination: 'nope.field' }] }, {}, 'conversion');
		expect(bad).toMatchObject({ status: 400, body: { detail: expect.stringContaining('nope.field') } });
		expect((await send('GET', '/mappingSets?limit=5', undefined, {}, 'conversion')).status).toBe(400);
		expect((await send('GET', '/tenant/schemas', undefined, {}, 'schemaregistry')).status).toBe(406);
		const schemas = await send('GET', '/tenant/schemas', undefined, { Accept: 'application/vnd.adobe.xed-id+json' }, 'schemaregistry');
		expect(schemas.body.results[0]).toEqual(expect.objectContaining({ $id: dataset.schemaId, title: expect.any(String), 'meta:altId': expect.any(String) }));
		const full = await send('GET', `/tenant/schemas/${encodeURIComponent(dataset.schemaId)}`, undefined, { Accept: 'application/vnd.adobe.xed-full+json; version=1' }, 'schemaregistry');
		expect(full.body.properties.person.properties.name.properties.fullName).toEqual({ type: 'string' });
		expect((await send('GET', '/dataSets/000000000000000000000000', undefined, {}, 'catalog')).status).toBe(404);
	});
});

// Moves the Platform's clock a day forward, which every test after it would see: it comes last.
describe("the emulator's clock", () => {
	const runOf = async (id: string): Promise<any> => {
		for (let i = 0; i < 100; i++) {
			const run = (await send('GET', `/runs/${id}`)).body.items[0];
			if (run.metrics.statusSummary.status !== 'inProgress') return run;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		throw new Error(`run ${id} did not finish`);
	};

	test('a day forward: the daily run comes due, reads the rows of that day, and what is made is stamped with the moved time', async () => {
		const { clock } = stack.emulator;
		// The dataflows of the tests before would all come due at once, and read the same small database.
		for (const other of (await send('GET', '/flows?property=state==enabled&limit=100')).body.items) expect((await send('POST', `/flows/${other.id}/action?op=disable`)).status).toBe(200);
		const start = Math.floor(clock.now() / 1000);
		const at = (seconds: number) => `to_timestamp(${seconds})`;
		await stack.database.exec('CREATE TABLE public.nightly (id integer, label text, updated_at timestamptz)');
		await stack.database.exec(`INSERT INTO public.nightly VALUES (1, 'before the first run', ${at(start - 3600)})`);
		const schedule = { startTime: start, frequency: 'day', interval: 1 };
		const flow = (await send('POST', '/flows', flowBody(await sourceConnection('public.nightly'), await targetConnection(), await mappingSet([['id', '_emulator.id']]), schedule, 'updated_at'))).body.id;
		const first = await finishedRun(flow);
		expect(first.metrics.recordSummary.inputRecordCount).toBe(1);
		await stack.database.exec(`INSERT INTO public.nightly VALUES (2, 'during the day', ${at(start + 12 * 3600)}), (3, 'after the second run', ${at(start + 86400 + 3600)})`);
		expect((await send('GET', `/runs?property=flowId==${flow}`)).body.items).toHaveLength(1);

		clock.advance(86_400_000);
		const runs = (await send('GET', `/runs?property=flowId==${flow}`)).body.items;
		expect(runs).toHaveLength(2);
		const second = await runOf(runs.find((r: any) => r.id !== first.id).id);
		expect(second.metrics.durationSummary.startedAtUTC).toBeGreaterThanOrEqual((start + 86400) * 1000);
		expect(second.metrics.durationSummary.completedAtUTC).toBeGreaterThanOrEqual(second.metrics.durationSummary.startedAtUTC);
		expect(second.createdAt).toBeGreaterThanOrEqual(Date.now() + 86_400_000 - 60_000);
		expect(second.metrics.recordSummary).toEqual({ inputRecordCount: 1, outputRecordCount: 1, failedRecordCount: 0 });
		expect((await send('GET', `/flows/${flow}`)).body.items[0].lastRunDetails).toMatchObject({ id: second.id, state: 'success' });
		const made = (await send('GET', `/sourceConnections/${await sourceConnection('public.nightly')}`)).body.items[0];
		expect(made.createdAt).toBeGreaterThanOrEqual(start * 1000 + 86_400_000);

		expect(() => clock.advance(-1)).toThrow(RangeError);
		expect(() => clock.setNow(Date.now())).toThrow(RangeError);
		expect(clock.aheadMs).toBeGreaterThanOrEqual(86_400_000);
	});
});
