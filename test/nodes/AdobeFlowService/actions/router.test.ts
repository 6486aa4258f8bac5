/** The router: the operation the parameters name, every output paired, the per-item error contract. */
import { failure, useStack } from '../../../../support/harness';

const h = useStack();

test('an operation the node does not have is a clear error, before any request', async () => {
	const before = h.stack.emulator.stats.requests;
	const error = await failure(h.run({ resource: 'connection', operation: 'toString' }));
	expect(error.message).toBe('The operation "toString" of "connection" is not supported');
	expect(h.stack.emulator.stats.requests).toBe(before);
});

test('every output item is paired with its input item, whatever each gave', async () => {
	const out = await h.run({ resource: 'connectionSpec', operation: 'getMany', returnAll: false, limit: '={{ $json.n }}' }, { items: [{ n: 2 }, { n: 1 }] });
	expect(out.map((o) => (o.pairedItem as { item: number }).item)).toEqual([0, 0, 1]);
});

test('with Continue On Fail, a failed item is one error item paired with it, and the others go on', async () => {
	const out = await h.run({ resource: 'connection', operation: 'get', connection: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }, {
		items: [{ id: 'not-an-id' }, { id: '2edc08ac-4df5-4fe6-936f-81a19ce92f5c' }],
		onError: 'continueRegularOutput',
	});
	expect(out.map((o) => (o.pairedItem as { item: number }).item)).toEqual([0, 1]);
	expect(String(out[0].json.error)).toMatch(/\[item 0\]$/);
	expect(out[1].json).toMatchObject({ httpCode: 404, requestId: expect.any(String) });
});

test('without it, a failure stops the node, naming its item', async () => {
	const error = await failure(h.run({ resource: 'connectionSpec', operation: 'getMany', returnAll: false, limit: '={{ $json.n }}' }, { items: [{ n: 1 }, { n: 'many' }, { n: 2 }] }));
	expect(error.context.itemIndex).toBe(1);
	expect(error.message).toMatch(/\[item 1\]$/);
});
