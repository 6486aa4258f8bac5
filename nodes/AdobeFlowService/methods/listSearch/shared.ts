/** What every searchable list shares: the client, matching a search, and paging a Flow Service list. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { findConnectorBySpecId } from '../../connectors';
import { credentialTypeFor, FlowServiceClient, nextPageQuery } from '../../transport';

/** Most entries a search returns: enough to pick from, few enough to read. */
export const SEARCH_RESULTS = 100;
/** Fewest entries a filtered list shows before it stops reading pages (unless the account has no more). */
export const MIN_KEPT = 20;

export function client(context: ILoadOptionsFunctions): FlowServiceClient {
	return new FlowServiceClient(context, credentialTypeFor(context.getNodeParameter('authentication', 'accessToken')), { timeoutMs: 30_000 });
}

export function matches(filter: string | undefined, ...values: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.trim().toLowerCase();
	return values.some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
}

/** A connection as a list entry: its name and its connector, so two of the same name can be told apart. */
export function connectionEntry(connection: IDataObject): INodeListSearchItems {
	const specId = String((connection.connectionSpec as IDataObject | undefined)?.id ?? '');
	const connector = findConnectorBySpecId(specId)?.displayName ?? 'other connector';
	return { name: `${String(connection.name ?? connection.id)} (${connector})`, value: String(connection.id) };
}

/**
 * A Flow Service list as list entries. Without a search, one page at a time as the user scrolls. With
 * one, the whole account: Flow Service documents no filter that matches part of a name, so every page
 * is read and filtered here. `keep` leaves out what the list is not for; without a search, pages are
 * then read until some entries are kept, so that a page the user scrolls to is not empty.
 */
export async function searchFlowService(
	context: ILoadOptionsFunctions,
	path: string,
	entry: (item: IDataObject) => INodeListSearchItems,
	filter?: string,
	paginationToken?: string,
	keep?: (item: IDataObject) => boolean,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { orderby: '+name' };
	if (filter?.trim()) {
		const all = await client(context).getPaged<IDataObject>(path, qs);
		return { results: all.filter((c) => (keep?.(c) ?? true) && matches(filter, c.name, c.id)).slice(0, SEARCH_RESULTS).map(entry) };
	}
	const page = { ...qs, limit: 50 };
	const kept: IDataObject[] = [];
	let token = paginationToken;
	do {
		const { body } = await client(context).request<{ items?: IDataObject[]; _links?: { next?: { href?: string } } }>({
			method: 'GET',
			path: token ? `${path}?${token}` : path,
			qs: page,
		});
		kept.push(...(body?.items ?? []).filter((item) => keep?.(item) ?? true));
		token = nextPageQuery(body?._links?.next?.href, Object.keys(page));
	} while (keep !== undefined && token !== undefined && kept.length < MIN_KEPT);
	return { results: kept.map(entry), paginationToken: token };
}

export const named = (item: IDataObject, detail: unknown): INodeListSearchItems => ({ name: `${String(item.name ?? item.id)} (${String(detail)})`, value: String(item.id) });
