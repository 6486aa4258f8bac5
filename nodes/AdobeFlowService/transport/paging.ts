/** Lists the Platform pages through `_links.next.href`, with Return All or a Limit. */
import type { IDataObject } from 'n8n-workflow';

import type { FlowServiceRequest, FlowServiceResponse } from './client';

type Send = <T>(request: FlowServiceRequest<T>) => Promise<FlowServiceResponse<T>>;

export interface PageOptions {
	/** Undefined for all. */
	limit?: number;
	itemIndex?: number;
	pageSize?: number;
	/** Whether the endpoint takes `limit` (the OpenAPI lists none for /connectionSpecs). */
	sendLimit?: boolean;
}

/**
 * The query to send for the page after this one: the query of `_links.next.href` (relative or
 * absolute) exactly as written — a continuation token is opaque, and decoding and encoding it again
 * could change a `+` or a `%` in it — less the parameters the request sends again itself, so that its
 * filters and order hold on every page whether or not the href repeats them.
 */
export function nextPageQuery(href: string | undefined, resent: string[]): string | undefined {
	const at = href?.indexOf('?') ?? -1;
	if (!href || at < 0) return undefined;
	const name = (part: string) => {
		const raw = part.split('=')[0];
		try {
			return decodeURIComponent(raw);
		} catch {
			return raw;
		}
	};
	const kept = href
		.slice(at + 1)
		.split('#')[0]
		.split('&')
		.filter((part) => part !== '' && !resent.includes(name(part)));
	return kept.length > 0 ? kept.join('&') : undefined;
}

/** Reads pages until `limit` items are read or the last page; each page asks for no more than is still wanted. */
export async function readPages<T = IDataObject>(send: Send, path: string, qs: IDataObject, options: PageOptions = {}): Promise<T[]> {
	const { limit, itemIndex, pageSize = 100, sendLimit = true } = options;
	const items: T[] = [];
	const seen = new Set<string>();
	let next: string | undefined;
	for (;;) {
		const want = limit === undefined ? pageSize : Math.min(pageSize, limit - items.length);
		const { body } = await send<{ items?: T[]; _links?: { next?: { href?: string } } }>({
			method: 'GET',
			path: next === undefined ? path : `${path}?${next}`,
			qs: sendLimit ? { ...qs, limit: want } : qs,
			itemIndex,
		});
		const page = Array.isArray(body?.items) ? body.items : [];
		items.push(...(limit === undefined ? page : page.slice(0, limit - items.length)));
		if (limit !== undefined && items.length >= limit) return items;
		next = nextPageQuery(body?._links?.next?.href, [...Object.keys(qs), 'limit']);
		if (next === undefined || page.length === 0) return items;
		if (seen.has(next)) throw new Error('The Platform returned the same page token twice; stopping to avoid an endless loop');
		seen.add(next);
	}
}
