import type { IDataObject } from 'n8n-workflow';

import type { FlowServiceRequest } from '../../../../nodes/AdobeFlowService/transport';
import { nextPageQuery, readPages } from '../../../../nodes/AdobeFlowService/transport/paging';

describe('nextPageQuery', () => {
	test('the token exactly as the href carries it: + / % = untouched', () => {
		expect(nextPageQuery('/connections?continuationToken=a+b/c%2Bd==', [])).toBe('continuationToken=a+b/c%2Bd==');
	});

	test('relative or absolute; the parameters the request sends itself are left out; other ones kept', () => {
		const href = 'https://platform.adobe.io/data/foundation/flowservice/connections?limit=2&property=state%3D%3Denabled&continuationToken=t1&x=1#frag';
		expect(nextPageQuery(href, ['property', 'limit'])).toBe('continuationToken=t1&x=1');
	});

	test('no href, no query, or nothing left: no next page', () => {
		expect(nextPageQuery(undefined, [])).toBeUndefined();
		expect(nextPageQuery('', [])).toBeUndefined();
		expect(nextPageQuery('/connections', [])).toBeUndefined();
		expect(nextPageQuery('/connections?limit=5', ['limit'])).toBeUndefined();
	});

	test('a name that is not valid percent-encoding is compared as written', () => {
		expect(nextPageQuery('/connections?%E0=1&t=2', ['t'])).toBe('%E0=1');
		expect(nextPageQuery('/connections?%E0=1&t=2', ['%E0'])).toBe('t=2');
	});

	test('an href that is only a query; empty parts are dropped', () => {
		expect(nextPageQuery('?continuationToken=t1', [])).toBe('continuationToken=t1');
		expect(nextPageQuery('/connections?&continuationToken=t1&&x=1&', [])).toBe('continuationToken=t1&x=1');
	});
});

/** Pages of `size` out of `total` items, with a next href while any are left. */
function platform(total: number, size: number) {
	const sent: Array<FlowServiceRequest<unknown>> = [];
	const send = async <T>(request: FlowServiceRequest<T>) => {
		sent.push(request as FlowServiceRequest<unknown>);
		const offset = Number(/continuationToken=(\d+)/.exec(request.path)?.[1] ?? 0);
		const want = Math.min(size, Number((request.qs as IDataObject).limit ?? size));
		const items = Array.from({ length: Math.max(0, Math.min(want, total - offset)) }, (_, i) => ({ n: offset + i }));
		const next = offset + items.length < total ? { next: { href: `/connections?continuationToken=${offset + items.length}` } } : undefined;
		return { statusCode: 200, headers: {}, body: { items, ...(next ? { _links: next } : {}) } as T, recovered: false };
	};
	return { sent, send };
}

test('Return All reads every page, sending the filters again with each', async () => {
	const { sent, send } = platform(23, 10);
	const items = await readPages<{ n: number }>(send, '/connections', { property: ['state==enabled'] });
	expect(items.map((i) => i.n)).toEqual(Array.from({ length: 23 }, (_, i) => i));
	expect(sent.map((r) => r.path)).toEqual(['/connections', '/connections?continuationToken=10', '/connections?continuationToken=20']);
	expect(sent.every((r) => (r.qs as IDataObject).property !== undefined)).toBe(true);
});

test('a Limit asks for no more than is still wanted and stops there', async () => {
	const { sent, send } = platform(100, 10);
	const items = await readPages(send, '/connections', {}, { limit: 15, pageSize: 10 });
	expect(items).toHaveLength(15);
	expect(sent.map((r) => (r.qs as IDataObject).limit)).toEqual([10, 5]);
});

test('an endpoint that takes no limit gets none, and the Limit is applied to what comes back', async () => {
	const { sent, send } = platform(8, 8);
	const items = await readPages(send, '/connectionSpecs', {}, { limit: 3, sendLimit: false });
	expect(items).toHaveLength(3);
	expect(sent[0].qs).toEqual({});
});

test('an empty page ends the list; the same token twice is an error, not an endless loop', async () => {
	const empty = async <T>() => ({ statusCode: 200, headers: {}, body: { items: [], _links: { next: { href: '/connections?continuationToken=x' } } } as T, recovered: false });
	expect(await readPages(empty, '/connections', {})).toEqual([]);
	const stuck = async <T>() => ({ statusCode: 200, headers: {}, body: { items: [{}], _links: { next: { href: '/connections?continuationToken=same' } } } as T, recovered: false });
	await expect(readPages(stuck, '/connections', {})).rejects.toThrow('The Platform returned the same page token twice');
});
