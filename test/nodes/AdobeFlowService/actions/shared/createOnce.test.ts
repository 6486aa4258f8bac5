/**
 * One object per reuse key, whatever races: items of one execution that would create the same
 * object make it once, at any Concurrency; executions at once leave one object, and every output
 * names it; a racer removes only what it made itself.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { byId, ORG, useStack } from '../../../../../support/harness';
import { pipelineSteps } from '../../../../../support/pipeline';

const h = useStack({ runDurationMs: 10 });
const steps = pipelineSteps(h);
const posts = (route: string) => h.stack.emulator.stats.byRoute[`POST ${route}`] ?? 0;
const deletes = (route: string) => h.stack.emulator.stats.byRoute[`DELETE ${route}/{id}`] ?? 0;
const pipeline = () => h.stack.emulator.pipeline;
const bucket = <T>(buckets: { bucket(org: string, sandbox: string): Map<string, T> }) => [...buckets.bucket(ORG, 'prod').values()];

let parts: { base: unknown; dataset: { id: string; schemaId: string }; source: unknown; target: unknown; mapping: unknown };
beforeAll(async () => {
	const base = (await steps.baseConnection('create-once base')).id;
	const dataset = await steps.sampleDataset();
	const source = (await steps.sourceConnection(base, 'create-once source')).id;
	const target = (await steps.targetConnection(dataset.id, 'create-once target')).id;
	const mapping = (await steps.mapping(dataset.schemaId, source)).id;
	parts = { base, dataset, source, target, mapping };
});

afterEach(() => {
	h.stack.emulator.setLatency(0);
	h.stack.emulator.setListingDelay(0);
	h.stack.emulator.faults.clear();
});

/** Each Create: its parameters for a reuse key given by the item (`$json.key`), its POST route, and the objects the emulator holds with a key. */
interface Kind {
	name: string;
	route: string;
	parameters(prefix: string): IDataObject;
	stored(key: string): Array<{ id: string }>;
}

const named = <T extends { name?: string; id: string }>(all: () => T[]) => (key: string) => all().filter((o) => o.name === key);

const KINDS: Kind[] = [
	{
		name: 'Connection',
		route: '/connections',
		parameters: (prefix) => h.greenplum(`={{ "${prefix}" + $json.key }}`),
		stored: named(() => h.stack.emulator.connections(ORG)),
	},
	{
		name: 'Source Connection',
		route: '/sourceConnections',
		parameters: (prefix) => ({ resource: 'sourceConnection', operation: 'create', connection: byId(parts.base), table: { __rl: true, mode: 'path', value: 'sales.customers' }, name: `={{ "${prefix}" + $json.key }}` }),
		stored: named(() => bucket(pipeline().connections.sources)),
	},
	{
		name: 'Target Connection',
		route: '/targetConnections',
		parameters: (prefix) => ({ resource: 'targetConnection', operation: 'create', dataset: { __rl: true, mode: 'id', value: parts.dataset.id }, name: `={{ "${prefix}" + $json.key }}` }),
		stored: named(() => bucket(pipeline().connections.targets)),
	},
	{
		name: 'Mapping',
		route: '/conversion/mappingSets',
		// A mapping set's key is its schema and pairs: the key is the source of its one pair.
		parameters: (prefix) => ({
			resource: 'mapping',
			operation: 'create',
			schema: { __rl: true, mode: 'id', value: parts.dataset.schemaId },
			mappingMode: 'pairs',
			pairs: { pair: [{ source: `={{ "${prefix}" + $json.key }}`, destination: 'person.name.fullName' }] },
		}),
		stored: (key) => bucket(pipeline().mappingSets.sets).filter((s) => (s as { mappings: Array<{ source: string }> }).mappings.some((m) => m.source === key)) as Array<{ id: string }>,
	},
	{
		name: 'Dataflow',
		route: '/flows',
		parameters: (prefix) => ({
			resource: 'dataflow',
			operation: 'create',
			name: `={{ "${prefix}" + $json.key }}`,
			sourceConnection: byId(parts.source),
			targetConnection: byId(parts.target),
			mappingId: parts.mapping as string,
			frequency: 'day',
			interval: 1,
			incrementalColumn: 'created_at',
		}),
		stored: named(() => bucket(pipeline().flows.flows)),
	},
];

const ids = (out: INodeExecutionData[]) => out.map((o) => o.json.id);
const paired = (out: INodeExecutionData[]) => out.map((o) => (o.pairedItem as { item: number }).item);
let unique = 0;
const prefix = () => `once-${++unique}-`;

describe.each(KINDS)('$name → Create', (kind) => {
	test.each([1, 50])('3 items with one key make one object, with one POST, at Concurrency %i', async (concurrency) => {
		const p = prefix();
		const before = posts(kind.route);
		const out = await h.run({ ...kind.parameters(p), options: { concurrency } }, { items: [{ key: 'a' }, { key: 'a' }, { key: 'a' }] });
		expect(posts(kind.route) - before).toBe(1);
		expect(kind.stored(`${p}a`)).toHaveLength(1);
		expect(new Set(ids(out)).size).toBe(1);
		// Whichever item reaches the create first makes it (items read other things first, at any pace).
		expect(out.map((o) => o.json.outcome).sort()).toEqual(['created', 'reused: left as it was', 'reused: left as it was']);
		expect(paired(out)).toEqual([0, 1, 2]);
	});

	test('items with two keys (2 + 1) make two objects, each item paired to its own input', async () => {
		const p = prefix();
		const before = posts(kind.route);
		const out = await h.run({ ...kind.parameters(p), options: { concurrency: 50 } }, { items: [{ key: 'a' }, { key: 'b' }, { key: 'a' }] });
		expect(posts(kind.route) - before).toBe(2);
		expect(paired(out)).toEqual([0, 1, 2]);
		expect(out[0].json.id).toBe(out[2].json.id);
		expect(out[1].json.id).not.toBe(out[0].json.id);
		expect(out.filter((o) => o.json.created === true)).toHaveLength(2);
	});

	test('the first item failing is every waiting item’s failure: one error item each, paired', async () => {
		const p = prefix();
		const path = new RegExp(`^${kind.route.replace('/conversion', '')}$`);
		h.stack.emulator.faults.add({ method: 'POST', path, kind: { type: 'status', status: 400, body: { title: 'Bad Request', status: 400, detail: 'refused on purpose' } }, times: 1 });
		const before = posts(kind.route);
		const out = await h.run({ ...kind.parameters(p), options: { concurrency: 50 } }, { items: [{ key: 'a' }, { key: 'a' }, { key: 'a' }], onError: 'continueRegularOutput' });
		expect(posts(kind.route) - before).toBe(1);
		expect(paired(out)).toEqual([0, 1, 2]);
		expect(out.every((o) => o.json.error !== undefined && o.json.httpCode === 400)).toBe(true);
		expect(kind.stored(`${p}a`)).toHaveLength(0);
	});
});

describe.each(KINDS)('$name → Create, the answer of the first create lost', (kind) => {
	test('while two more items wait: one object, every item names it, the first says it recovered', async () => {
		const p = prefix();
		const path = new RegExp(`^${kind.route.replace('/conversion', '')}$`);
		h.stack.emulator.faults.add({ method: 'POST', path, kind: { type: 'resetAfter' }, times: 1 });
		const before = posts(kind.route);
		const out = await h.run({ ...kind.parameters(p), options: { concurrency: 50 } }, { items: [{ key: 'a' }, { key: 'a' }, { key: 'a' }] });
		expect(posts(kind.route) - before).toBe(1);
		expect(kind.stored(`${p}a`)).toHaveLength(1);
		expect(ids(out)).toEqual(Array(3).fill(kind.stored(`${p}a`)[0].id));
		expect(out.filter((o) => o.json.created === true && o.json.recoveredAfterLostAnswer === true)).toHaveLength(1);
		expect(paired(out)).toEqual([0, 1, 2]);
	});
});

describe('executions at once (the Platform answering in ~200 ms)', () => {
	const once = (kind: Kind, p: string) => async () => await h.run({ ...kind.parameters(p) }, { items: [{ key: 'x' }] });

	test.each([
		[2, 0],
		[5, 0],
		[2, 600],
		[5, 600],
	])('%i executions, listing delay %i ms: one connection left, and every output names it', async (executions, delay) => {
		const kind = KINDS[0];
		h.stack.emulator.setLatency(200);
		h.stack.emulator.setListingDelay(delay);
		const p = prefix();
		const outs = await Promise.all(Array.from({ length: executions }, once(kind, p)));
		const left = kind.stored(`${p}x`);
		expect(left).toHaveLength(1);
		expect(outs.map((out) => out[0].json.id)).toEqual(Array(executions).fill(left[0].id));
		expect(outs.filter((out) => out[0].json.created === true)).toHaveLength(1);
		const merged = outs.filter((out) => out[0].json.mergedDuplicate === true);
		for (const out of merged) expect(out[0].json).toMatchObject({ created: false, reused: true, duplicateRemoved: expect.any(String), outcome: 'reused: another run made it at the same moment' });
	});

	test.each(KINDS.slice(1).map((k) => [k.name, k] as const))('%s: two executions at once leave one object to use, and every output names it', async (_, kind) => {
		h.stack.emulator.setLatency(200);
		const p = prefix();
		const outs = await Promise.all([once(kind, p)(), once(kind, p)()]);
		const [first, second] = outs.map((out) => out[0].json);
		expect(first.id).toBe(second.id);
		const left = kind.stored(`${p}x`).map((o) => o.id);
		expect(left).toContain(first.id);
		const loser = [first, second].find((o) => o.mergedDuplicate === true);
		if (kind.name === 'Mapping') {
			// Data Prep's API reference documents no delete: a set made twice is left, and said.
			if (loser) expect(left).toEqual(expect.arrayContaining([loser.duplicateLeft]));
		} else {
			expect(left).toHaveLength(1);
			if (loser) expect(loser.duplicateRemoved).toEqual(expect.any(String));
		}
	});

	test('a racer removes only the object it made itself, never one that was there before it started', async () => {
		const kind = KINDS[0];
		const p = prefix();
		// Made with Create Another, then hidden from lists for a while: the next create does not see it.
		const [older] = await h.run({ ...kind.parameters(p), options: { ifExists: 'create' } }, { items: [{ key: 'x' }] });
		h.stack.emulator.setListingDelay(1500);
		const removedBefore = deletes('/connections');
		const [out] = await h.run({ ...kind.parameters(p) }, { items: [{ key: 'x' }] });
		expect(out.json).toMatchObject({ id: older.json.id, created: false, mergedDuplicate: true, duplicateRemoved: expect.any(String) });
		expect(out.json.duplicateRemoved).not.toBe(older.json.id);
		expect(deletes('/connections') - removedBefore).toBe(1);
		expect(kind.stored(`${p}x`).map((o) => o.id)).toEqual([older.json.id]);
	});
});
