/** Searchable lists for the resource locators: connections, and the tables behind one. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listRoot } from '../actions/database/explore';
import { credentialTypeFor, FlowServiceClient, nextPageQuery } from '../transport';

function client(context: ILoadOptionsFunctions): FlowServiceClient {
	return new FlowServiceClient(context, credentialTypeFor(context.getNodeParameter('authentication', 'accessToken')), { timeoutMs: 30_000 });
}

function matches(filter: string | undefined, ...values: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return values.some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
}

export async function searchConnections(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const qs: IDataObject = { limit: 50, orderby: '+name' };
	const path = paginationToken ? `/connections?${paginationToken}` : '/connections';
	const { body } = await client(this).request<{ items?: IDataObject[]; _links?: { next?: { href?: string } } }>({ method: 'GET', path, qs });
	const results = (body?.items ?? [])
		.filter((c) => matches(filter, c.name, c.id))
		.map((c) => ({ name: `${String(c.name ?? c.id)}`, value: String(c.id) }));
	return { results, paginationToken: nextPageQuery(body?._links?.next?.href, Object.keys(qs)) };
}

export async function searchTables(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const connectionId = this.getCurrentNodeParameter('connection', { extractValue: true }) as string | undefined;
	if (!connectionId) return { results: [] };
	const entries = await listRoot(client(this), connectionId);
	return {
		results: entries
			.filter((e) => e.type !== 'folder' && matches(filter, e.name, e.path))
			.map((e) => ({ name: String(e.name ?? e.path), value: String(e.path ?? e.name) })),
	};
}
