import { byId, failure, ISO_TIME, ORG, useStack } from '../../../../../support/harness';
import { pipelineSteps } from '../../../../../support/pipeline';

const h = useStack({ runDurationMs: 20 });
const steps = pipelineSteps(h);
let baseId: unknown;

beforeAll(async () => {
	baseId = (await steps.baseConnection('source-base')).id;
});

describe('Create', () => {
	test("sends the table and its columns as explored, and outputs one shape: the id for the next node", async () => {
		const out = await steps.sourceConnection(baseId, 'customers source');
		expect(out).toEqual({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			name: 'customers source',
			description: null,
			baseConnectionId: baseId,
			table: 'sales.customers',
			columns: expect.arrayContaining([expect.objectContaining({ name: 'created_at', xdm: { type: 'string', format: 'date-time' } })]),
			connectionSpecId: '37b6bf40-d318-4655-90be-5cd6f65d334b',
			state: 'enabled',
			etag: expect.stringMatching(/^".+"$/),
			createdAt: ISO_TIME,
			updatedAt: ISO_TIME,
			created: true,
			reused: false,
			updated: false,
			changes: [],
			outcome: 'created',
			recoveredAfterLostAnswer: false,
			mergedDuplicate: false,
			duplicateRemoved: null,
			duplicateLeft: null,
		});
		const stored = h.stack.emulator.pipeline.connections.sources.bucket(ORG, 'prod').get(String(out.id))!;
		expect(stored.params).toEqual({ tableName: 'sales.customers', columns: out.columns });
		expect(stored.data).toEqual({ format: 'tabular' });
	});

	test('run again, it reuses the source connection of the same name and base connection', async () => {
		const first = await steps.sourceConnection(baseId, 'rerun source');
		const again = await steps.sourceConnection(baseId, 'rerun source');
		expect(again).toMatchObject({ id: first.id, created: false, reused: true });
		expect(Object.keys(again).sort()).toEqual(Object.keys(first).sort());
	});

	test('the same name on another table is not reused: the error says which table it reads', async () => {
		await steps.sourceConnection(baseId, 'taken name');
		const error = await failure(steps.sourceConnection(baseId, 'taken name', 'sales.orders'));
		expect(error.message).toMatch(/^Name is already used by source connection [0-9a-f-]{36}, which reads table sales\.customers \[item 0\]$/);
	});

	test('Send Columns off sends the table alone', async () => {
		const out = await steps.sourceConnection(baseId, 'no columns', 'sales.orders', { sendColumns: false });
		expect(out.columns).toEqual([]);
	});

	test('bad input is refused before any request, naming the field and the item', async () => {
		const before = h.stack.emulator.stats.requests;
		const error = await failure(h.run({ resource: 'sourceConnection', operation: 'create', connection: byId(baseId), table: { __rl: true, mode: 'path', value: 'sales.customers' }, name: '  ' }));
		expect(error.message).toBe('Name is blank [item 0]');
		const noBase = await failure(h.run({ resource: 'sourceConnection', operation: 'create', connection: byId('not-an-id'), table: { __rl: true, mode: 'path', value: 'x' }, name: 'n' }));
		expect(noBase.message).toBe('Connection is not a valid connection ID [item 0]');
		expect(h.stack.emulator.stats.requests).toBe(before);
	});

	test('a table the database does not have: the Platform error, with Continue On Fail one error item per item', async () => {
		const out = await h.run(
			{ resource: 'sourceConnection', operation: 'create', connection: byId(baseId), table: { __rl: true, mode: 'path', value: '={{ $json.table }}' }, name: '={{ "t-" + $json.table }}' },
			{ items: [{ table: 'sales.customers' }, { table: 'sales.nothing' }], onError: 'continueRegularOutput' },
		);
		expect(out).toHaveLength(2);
		expect(out[0].json.table).toBe('sales.customers');
		expect(out[1].json).toMatchObject({ httpCode: 400, platformCode: 'FLOW-1330-400', requestId: expect.any(String) });
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('Get, Get Many, Delete', () => {
	test('Get and Get Many (of one base connection) give the same shape as Create', async () => {
		const made = await steps.sourceConnection(baseId, 'listed source');
		const got = (await h.run({ resource: 'sourceConnection', operation: 'get', sourceConnection: byId(made.id) }))[0].json;
		expect(Object.keys(got).sort()).toEqual(Object.keys(made).filter((k) => !['created', 'reused', 'updated', 'changes', 'outcome', 'recoveredAfterLostAnswer', 'mergedDuplicate', 'duplicateRemoved', 'duplicateLeft'].includes(k)).sort());
		expect(got).toMatchObject({ id: made.id, table: 'sales.customers', createdAt: made.createdAt });
		const many = await h.run({ resource: 'sourceConnection', operation: 'getMany', returnAll: true, filters: { baseConnectionId: baseId, name: 'listed source' } });
		expect(many.map((o) => o.json.id)).toEqual([made.id]);
	});

	test('Delete, then Get is a 404 from the Platform', async () => {
		const made = await steps.sourceConnection(baseId, 'doomed source');
		expect((await h.run({ resource: 'sourceConnection', operation: 'delete', sourceConnection: byId(made.id) }))[0].json).toEqual({ deleted: true, id: made.id });
		const error = await failure(h.run({ resource: 'sourceConnection', operation: 'get', sourceConnection: byId(made.id) }));
		expect(error.httpCode).toBe('404');
	});
});
