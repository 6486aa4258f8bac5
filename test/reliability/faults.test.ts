/**
 * Every operation under every fault the emulator can inject: nothing lost, nothing duplicated,
 * every item either right or a clear error — never a crash. Prints the figures at the end.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { FaultKind } from '../../emulator/faults';
import { byId, CANARY, CLIENT_SECRET, ORG, useStack } from '../../support/harness';
import { pipelineSteps } from '../../support/pipeline';

jest.setTimeout(600_000);

const h = useStack();
const ITEMS = 3;

interface Scenario {
	fault: string;
	kind: FaultKind;
	/** Operations for which this fault is expected to fail the hit item with a clear error. */
	failsFor?: string[];
	recoversFor?: string[];
}

const TIMEOUT_S = 1;
const SCENARIOS: Scenario[] = [
	{ fault: '429 without Retry-After', kind: { type: 'status', status: 429, body: { error_code: '429050', message: 'Too many requests' } } },
	{ fault: '429 with Retry-After: 1', kind: { type: 'status', status: 429, retryAfter: '1', body: { error_code: '429050', message: 'Too many requests' } } },
	// A 500 is not retried blindly; a create looks for the connection first and, finding none, creates it.
	{ fault: '500', kind: { type: 'status', status: 500 }, failsFor: ['*'], recoversFor: ['connection.create', 'sourceConnection.create', 'targetConnection.create', 'mapping.create', 'dataflow.create'] },
	{ fault: '502', kind: { type: 'status', status: 502 } },
	{ fault: '503', kind: { type: 'status', status: 503 } },
	{ fault: '504', kind: { type: 'status', status: 504 } },
	{ fault: 'reset before processing', kind: { type: 'resetBefore' } },
	{ fault: 'reset after processing', kind: { type: 'resetAfter' } },
	{ fault: `slow answer past the ${TIMEOUT_S} s timeout`, kind: { type: 'delay', ms: 1600 } },
	{ fault: 'HTML error page', kind: { type: 'html', status: 502 } },
	{ fault: 'truncated JSON', kind: { type: 'truncated' } },
	{ fault: 'token expires mid-run', kind: { type: 'expireTokens' } },
];

interface OperationCase {
	name: string;
	method: string;
	path: RegExp;
	/** For a create: the names (or, for mapping sets, the sources) of what the emulator holds. */
	creates?: () => string[];
	params(scenario: number): Promise<IDataObject> | IDataObject;
}

let gpId = '';
const pipeline = { dataset: '', source: '', target: '', mapping: '', schema: '' };
const held = (bucket: 'sources' | 'targets') => () => [...h.stack.emulator.pipeline.connections[bucket].bucket(ORG, 'prod').values()].map((c) => c.name);
const OPERATIONS: OperationCase[] = [
	{ name: 'connection.create', method: 'POST', path: /^\/connections$/, creates: () => h.stack.emulator.connections(ORG).map((c) => c.name), params: (s) => ({ ...h.greenplum(`={{ "fault-${s}-" + $itemIndex }}`, { password: CANARY }) }) },
	{ name: 'connection.get', method: 'GET', path: /^\/connections\/[^/]+$/, params: () => ({ resource: 'connection', operation: 'get', connection: byId(gpId) }) },
	{ name: 'connection.getMany', method: 'GET', path: /^\/connections$/, params: () => ({ resource: 'connection', operation: 'getMany', returnAll: false, limit: 5 }) },
	{
		name: 'connection.update',
		method: 'PATCH',
		path: /^\/connections\/[^/]+$/,
		params: async (s) => {
			const [c] = await h.run(h.greenplum(`upd-${s}`), { authentication: 'serverToServer' });
			return { resource: 'connection', operation: 'update', connection: byId(c.json.id), updateFields: { description: `={{ "v" + $itemIndex }}` }, options: { concurrency: 1 } };
		},
	},
	{
		name: 'connection.delete',
		method: 'DELETE',
		path: /^\/connections\/[^/]+$/,
		params: async (s) => {
			const ids: string[] = [];
			for (let i = 0; i < ITEMS; i++) ids.push(String((await h.run(h.greenplum(`del-${s}-${i}`), { authentication: 'serverToServer' }))[0].json.id));
			return { resource: 'connection', operation: 'delete', connection: byId(`={{ ${JSON.stringify(ids)}[$itemIndex] }}`) };
		},
	},
	{ name: 'connection.test', method: 'GET', path: /\/test$/, params: () => ({ resource: 'connection', operation: 'test', connection: byId(gpId) }) },
	{ name: 'database.listTables', method: 'GET', path: /\/explore$/, params: () => ({ resource: 'database', operation: 'listTables', connection: byId(gpId) }) },
	{ name: 'database.getTableSchema', method: 'GET', path: /\/explore$/, params: () => ({ resource: 'database', operation: 'getTableSchema', connection: byId(gpId), table: { __rl: true, mode: 'path', value: 'sales.orders' } }) },
	{ name: 'database.previewRows', method: 'GET', path: /\/explore$/, params: () => ({ resource: 'database', operation: 'previewRows', connection: byId(gpId), table: { __rl: true, mode: 'path', value: 'sales.orders' }, previewOutput: 'table' }) },
	{ name: 'connectionSpec.get', method: 'GET', path: /^\/connectionSpecs\/.+/, params: () => ({ resource: 'connectionSpec', operation: 'get', connectionSpecId: '37b6bf40-d318-4655-90be-5cd6f65d334b' }) },
	{ name: 'connectionSpec.getMany', method: 'GET', path: /^\/connectionSpecs$/, params: () => ({ resource: 'connectionSpec', operation: 'getMany', returnAll: true }) },
	{
		name: 'sourceConnection.create',
		method: 'POST',
		path: /^\/sourceConnections$/,
		creates: held('sources'),
		params: (s) => ({ resource: 'sourceConnection', operation: 'create', connection: byId(gpId), table: { __rl: true, mode: 'path', value: 'sales.orders' }, sendColumns: false, name: `={{ "fault-${s}-" + $itemIndex }}` }),
	},
	{
		name: 'targetConnection.create',
		method: 'POST',
		path: /^\/targetConnections$/,
		creates: held('targets'),
		params: (s) => ({ resource: 'targetConnection', operation: 'create', dataset: { __rl: true, mode: 'id', value: pipeline.dataset }, name: `={{ "fault-${s}-" + $itemIndex }}` }),
	},
	{
		// Mapping sets have no name: each item maps its own source, and that is what is counted.
		name: 'mapping.create',
		method: 'POST',
		path: /^\/mappingSets$/,
		creates: () => [...h.stack.emulator.pipeline.mappingSets.sets.bucket(ORG, 'prod').values()].map((m) => m.mappings[0].source),
		params: (s) => ({ resource: 'mapping', operation: 'create', schema: { __rl: true, mode: 'id', value: pipeline.schema }, mappingMode: 'pairs', pairs: { pair: [{ source: `={{ "fault-${s}-" + $itemIndex }}`, destination: '_emulator.name' }] } }),
	},
	{
		name: 'dataflow.create',
		method: 'POST',
		path: /^\/flows$/,
		creates: () => [...h.stack.emulator.pipeline.flows.flows.bucket(ORG, 'prod').values()].map((f) => f.name),
		params: (s) => ({
			resource: 'dataflow',
			operation: 'create',
			name: `={{ "fault-${s}-" + $itemIndex }}`,
			sourceConnection: byId(pipeline.source),
			targetConnection: byId(pipeline.target),
			mappingId: pipeline.mapping,
			frequency: 'once',
			startTime: '2099-01-01T00:00:00Z',
		}),
	},
];

const figures = { scenarios: 0, items: 0, lost: 0, duplicates: 0, crashes: 0, wrongOutcome: 0, clearErrors: 0, succeeded: 0 };
const rows: string[] = [];

beforeAll(async () => {
	gpId = String((await h.run(h.greenplum('fault target'), { authentication: 'serverToServer' }))[0].json.id);
	const steps = pipelineSteps(h);
	const dataset = await steps.sampleDataset();
	const source = String((await steps.sourceConnection(gpId, 'fault source')).id);
	pipeline.dataset = dataset.id;
	pipeline.schema = dataset.schemaId;
	pipeline.source = source;
	pipeline.target = String((await steps.targetConnection(dataset.id, 'fault target')).id);
	pipeline.mapping = String((await steps.mapping(dataset.schemaId, source)).id);
});

function isClearError(item: INodeExecutionData): boolean {
	const message = item.json.error;
	return typeof message === 'string' && message.length > 10 && !/undefined|\[object Object\]/.test(message) && item.error !== undefined;
}

describe.each(SCENARIOS.map((s, i) => [s.fault, s, i] as const))('fault: %s', (_, scenario, s) => {
	test.each(OPERATIONS.map((o) => [o.name, o] as const))('%s', async (name, op) => {
		const params = await op.params(s);
		h.stack.emulator.faults.clear();
		h.stack.emulator.faults.add({ method: op.method, path: op.path, kind: scenario.kind, times: 1 });
		let out: INodeExecutionData[] = [];
		let crashed = false;
		try {
			out = await h.run(
				{ ...params, options: { ...(params.options as object), timeout: TIMEOUT_S } },
				{ items: Array.from({ length: ITEMS }, (_, n) => ({ n })), onError: 'continueRegularOutput', authentication: 'serverToServer' },
			);
		} catch {
			crashed = true;
		}
		h.stack.emulator.faults.clear();

		const paired = new Set(out.map((o) => (o.pairedItem as { item: number }).item));
		const lost = crashed ? ITEMS : ITEMS - paired.size;
		const errors = out.filter((o) => o.json.error !== undefined);
		const unclear = errors.filter((o) => !isClearError(o)).length;
		const expectFailure = (scenario.failsFor?.includes('*') || scenario.failsFor?.includes(name)) && !scenario.recoversFor?.includes(name);
		let duplicates = 0;
		if (op.creates) {
			const names = op.creates().filter((n) => n.startsWith(`fault-${s}-`));
			duplicates = names.length - new Set(names).size;
			// Every item that succeeded made exactly one connection; a failed one made none that it did not report.
			expect(new Set(names).size).toBe(out.filter((o) => o.json.error === undefined).length);
		}
		const wrongOutcome = expectFailure ? (errors.length === 1 ? 0 : 1) : errors.length;

		figures.scenarios++;
		figures.items += ITEMS;
		figures.lost += lost;
		figures.duplicates += duplicates;
		figures.crashes += crashed ? 1 : 0;
		figures.wrongOutcome += wrongOutcome + unclear;
		figures.clearErrors += errors.length - unclear;
		figures.succeeded += out.length - errors.length > 0 ? ITEMS - errors.length : 0;
		rows.push(`${scenario.fault.padEnd(36)} ${name.padEnd(24)} ok=${ITEMS - errors.length} errors=${errors.length} lost=${lost} dup=${duplicates}`);

		expect(crashed).toBe(false);
		expect(lost).toBe(0);
		expect(duplicates).toBe(0);
		expect(unclear).toBe(0);
		if (expectFailure) expect(errors).toHaveLength(1);
		else expect(errors.map((e) => e.json.error)).toEqual([]);
	});
});

afterAll(() => {
	const seen = h.seen.join('\n') + h.stack.emulator.log.join('\n');
	const leaks = [CANARY, CLIENT_SECRET].reduce((n, secret) => n + seen.split(secret).length - 1, 0);
	const injected = JSON.stringify(h.stack.emulator.faults.injected);
	process.stdout.write(
		[
			'',
			'Reliability: fault matrix',
			`  scenarios (operation x fault): ${figures.scenarios}, items: ${figures.items}`,
			`  items lost: ${figures.lost}   duplicate connections: ${figures.duplicates}   crashes: ${figures.crashes}   wrong or unclear outcomes: ${figures.wrongOutcome}`,
			`  items that failed with a clear error (as expected): ${figures.clearErrors}`,
			`  faults injected: ${injected}`,
			`  canary secrets found in outputs, errors and logs: ${leaks}`,
			...rows.map((r) => `    ${r}`),
			'',
		].join('\n'),
	);
	expect(leaks).toBe(0);
});
