/**
 * Lists as Flow Service pages them: `property` filters, `orderby`, `count`, `limit`, and
 * `_links.next.href` carrying only a continuation token, as in the OpenAPI's example
 * (`/connections?continuationToken=…`). The token is opaque and holds `+`, `/` and `=` as they
 * are, so a client must pass it on exactly as the href carries it; the filters and order are not
 * in it, so a client must send them again with every page.
 */
import { randomBytes } from 'node:crypto';

import { flowError } from './errors';
import type { PropertyFilter } from './filters';
import { COMPARISONS, fieldName, matches, parseProperty } from './filters';

/** Query parameters each list accepts (the OpenAPI's list for the endpoint); any other is refused. */
export const LIST_PARAMETERS: Record<string, string[]> = {
	'/connections': ['property', 'limit', 'orderby', 'continuationToken', 'count'],
	'/connectionSpecs': ['property'],
	'/sourceConnections': ['property', 'limit', 'orderby', 'continuationToken', 'count'],
	'/targetConnections': ['property', 'limit', 'orderby', 'continuationToken', 'count'],
	'/flows': ['property', 'limit', 'orderby', 'continuationToken', 'count'],
	'/runs': ['property', 'limit', 'orderby', 'continuationToken', 'count'],
	'/flowSpecs': ['property'],
};

export function checkParameters(endpoint: string, query: URLSearchParams, requestId: string): void {
	for (const name of new Set(query.keys())) {
		if (!LIST_PARAMETERS[endpoint].includes(name)) {
			throw flowError('unknownQueryParam', `Invalid params ${name} provided in query params.`, requestId);
		}
	}
}

/** Fields that hold epoch milliseconds: a filter on one must give whole numbers. */
const isTimeField = (path: string) => /^(createdAt|updatedAt|[A-Za-z]*AtUTC)$/.test(fieldName(path));
/** Fields that hold ids: compared only for (in)equality, as the catalog's `1448-400` example says of `id`. */
const isIdField = (path: string) => /^(id|[A-Za-z]*Ids?)$/.test(fieldName(path));

/**
 * The `property` filters of a list, refused as Adobe's Flow Service catalog says: no operator it
 * knows (`1450-400`), an empty value (`1453-400`), a comparison with more than one value
 * (`1443-400`) or on an id (`1448-400`), a time that is not epoch milliseconds (`1452-400`).
 */
export function readFilters(query: URLSearchParams, requestId: string): PropertyFilter[] {
	return query.getAll('property').map((property) => {
		const filter = parseProperty(property);
		if (!filter) {
			const operator = /[=!<>~]+/.exec(property)?.[0] ?? property;
			throw flowError('badOperator', `Invalid operator ${operator} in filter params.`, requestId);
		}
		if (filter.path === '' || filter.values.some((v) => v === '')) {
			throw flowError('badFilterValue', `Invalid query value ${property} provided in query param.`, requestId);
		}
		const comparison = COMPARISONS.includes(filter.op);
		if (comparison && filter.values.length > 1) throw flowError('multipleValues', `Operator '${filter.op}' is not allowed for multiple values.`, requestId);
		if (comparison && isIdField(filter.path)) throw flowError('operatorNotSupported', `Operator ${filter.op} not supported for field ${filter.path}.`, requestId);
		if (isTimeField(filter.path) && filter.values.some((v) => !/^\d+$/.test(v))) {
			throw flowError('badFieldValue', `Invalid value ${filter.values.join(',')} for field ${filter.path}.`, requestId);
		}
		return filter;
	});
}

export function filterItems<T>(items: T[], filters: PropertyFilter[]): T[] {
	return items.filter((item) => filters.every((f) => matches(item as unknown as Record<string, unknown>, f)));
}

/** What a list can be ordered by: the guide's examples (`name`, `createdAt`) and `updatedAt`; a run has no name. */
export const ORDERABLE = ['name', 'createdAt', 'updatedAt'];

/**
 * `orderby=field`, `+field` or `-field` (ascending unless `-`). A `+` sent unencoded reads as a
 * space: it is taken as the `+` it was. A sign after the field or two signs is `1432-400`, a field
 * the list is not ordered by `1433-400`.
 */
export function orderItems<T extends { id: string }>(items: T[], orderby: string | null, requestId: string, orderable: string[] = ORDERABLE): T[] {
	if (!orderby) return items;
	const text = orderby.trim();
	if (/^[+-]{2}|[+-]$/.test(text)) {
		throw flowError('badSortOrder', 'Sort order specified is not correct, prepend + for ascending order and - for descending order in the fieldName.', requestId);
	}
	const descending = text.startsWith('-');
	const field = text.replace(/^[+-]/, '');
	if (!orderable.includes(field)) {
		throw flowError('badOrderBy', `Incorrect field= ${field} passed in orderBy, example are +name, -name, name.`, requestId);
	}
	const value = (item: T) => String((item as unknown as Record<string, unknown>)[field]);
	return [...items].sort((a, b) => (descending ? -1 : 1) * value(a).localeCompare(value(b), 'en', { numeric: true }) || a.id.localeCompare(b.id));
}

/** The raw text of a query parameter, as sent (no percent-decoding, `+` left as it is). */
export function rawParameter(rawQuery: string, name: string): string | undefined {
	for (const part of rawQuery.replace(/^\?/, '').split('&')) {
		const at = part.indexOf('=');
		if (at > 0 && part.slice(0, at) === name) return part.slice(at + 1);
	}
	return undefined;
}

export class Pager {
	/** Tokens handed out, with the offset each continues from. */
	private readonly tokens = new Map<string, number>();
	/**
	 * How long an object takes to show in lists after it is made (0: at once). Adobe does not say
	 * whether its lists are read from a copy that lags behind; this lets a test ask what a client does
	 * when they are.
	 */
	listingDelayMs = 0;

	constructor(
		private readonly maxPageSize: number,
		private readonly clock: { now(): number } = Date,
	) {}

	/** The items a list shows now: those made at least `listingDelayMs` ago. */
	listed<T>(items: T[], createdAt: (item: T) => number): T[] {
		if (this.listingDelayMs <= 0) return items;
		const now = this.clock.now();
		return items.filter((item) => now - createdAt(item) >= this.listingDelayMs);
	}

	page<T>(endpoint: string, items: T[], query: URLSearchParams, rawQuery: string, requestId: string): { items: T[]; _links?: { next: { href: string } } } | { count: number } {
		if (query.get('count') === 'true') {
			if (query.has('limit')) {
				throw flowError('countWithLimit', 'The limit and count parameters cannot be given together in the same request. Please provide either only the limit or the count parameter and try again.', requestId);
			}
			return { count: items.length };
		}
		const limitText = query.get('limit');
		const limit = limitText === null ? this.maxPageSize : Number(limitText);
		if (!Number.isInteger(limit) || limit < 1) throw flowError('minimumOne', 'The minimum value for a parameter limit is one. Please provide a valid limit and try again.', requestId);
		const size = Math.min(limit, this.maxPageSize);
		let offset = 0;
		if (query.has('continuationToken')) {
			const token = rawParameter(rawQuery, 'continuationToken') ?? '';
			const known = this.tokens.get(token);
			if (known === undefined) throw flowError('badContinuationToken', 'The continuation token is not one this service issued.', requestId);
			offset = known;
		}
		const body: { items: T[]; _links?: { next: { href: string } } } = { items: items.slice(offset, offset + size) };
		if (offset + size < items.length) {
			const token = `${offset + size}+${randomBytes(6).toString('base64')}/=`;
			this.tokens.set(token, offset + size);
			body._links = { next: { href: `${endpoint}?continuationToken=${token}` } };
		}
		return body;
	}

	clear(): void {
		this.tokens.clear();
	}
}
