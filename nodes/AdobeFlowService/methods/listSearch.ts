/**
 * Searchable lists for the resource locators: connections, the tables behind one, connection specs,
 * and the pipeline's source and target connections, dataflows, datasets and schemas.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listDatasets, listSchemas } from '../actions/dataLake';
import { listRoot } from '../actions/database/explore';
import { findConnectorBySpecId } from '../connectors';
import { credentialTypeFor, FlowServiceClient, nextPageQuery } from '../transport';

/** Most entries a search returns: enough to pick from, few enough to read. */
const SEARCH_RESULTS = 100;

export function client(context: ILoadOptionsFunctions): FlowServiceClient {
	return new FlowServiceClient(context, credentialTypeFor(context.getNodeParameter('authentication', 'accessToken')), { timeoutMs: 30_000 });
}

function matches(filter: string | undefined, ...values: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.trim().toLowerCase();
	return values.some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
}

/** A connection as a list entry: its name and its connector, so two of the same name can be told apart. */
function connectionEntry(connection: IDataObject): INodeListSearchItems {
	const specId = String((connection.connectionSpec as IDataObject | undefined)?.id ?? '');
	const connector = findConnectorBySpecId(specId)?.displayName ?? 'other connector';
	return { name: `${String(connection.name ?? connection.id)} (${connector})`, value: String(connection.id) };
}

/**
 * A Flow Service list as list entries. Without a search, one page at a time as the user scrolls. With
 * one, the whole account: Flow Service documents no filter that matches part of a name, so every page
 * is read and filtered here.
 */
async function searchFlowService(
	context: ILoadOptionsFunctions,
	path: string,
	entry: (item: IDataObject) => INodeListSearchItems,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { orderby: '+name' };
	if (filter?.trim()) {
		const all = await client(context).getPaged<IDataObject>(path, qs);
		return { results: all.filter((c) => matches(filter, c.name, c.id)).slice(0, SEARCH_RESULTS).map(entry) };
	}
	const page = { ...qs, limit: 50 };
	const { body } = await client(context).request<{ items?: IDataObject[]; _links?: { next?: { href?: string } } }>({
		method: 'GET',
		path: paginationToken ? `${path}?${paginationToken}` : path,
		qs: page,
	});
	return { results: (body?.items ?? []).map(entry), paginationToken: nextPageQuery(body?._links?.next?.href, Object.keys(page)) };
}

export async function searchConnections(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchFlowService(this, '/connections', connectionEntry, filter, paginationToken);
}

const named = (item: IDataObject, detail: unknown): INodeListSearchItems => ({ name: `${String(item.name ?? item.id)} (${String(detail)})`, value: String(item.id) });

export async function searchSourceConnections(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchFlowService(this, '/sourceConnections', (c) => named(c, (c.params as IDataObject | undefined)?.tableName ?? 'no table'), filter, paginationToken);
}

export async function searchTargetConnections(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchFlowService(this, '/targetConnections', (c) => named(c, `dataset ${String((c.params as IDataObject | undefined)?.dataSetId)}`), filter, paginationToken);
}

export async function searchDataflows(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchFlowService(this, '/flows', (f) => named(f, f.state ?? 'unknown state'), filter, paginationToken);
}

/** Datasets from Catalog: the first page without a search, every page with one. */
export async function searchDatasets(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const datasets = await listDatasets(client(this), { all: Boolean(filter?.trim()) });
	return {
		results: datasets
			.filter((d) => matches(filter, d.name, d.id))
			.sort((a, b) => a.name.localeCompare(b.name))
			.slice(0, SEARCH_RESULTS)
			.map((d) => ({ name: `${d.name} (${d.id})`, value: d.id })),
	};
}

/** The tenant's XDM schemas from the Schema Registry, by title. */
export async function searchSchemas(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const schemas = await listSchemas(client(this));
	return {
		results: schemas
			.filter((s) => matches(filter, s.title, s.id))
			.sort((a, b) => a.title.localeCompare(b.title))
			.slice(0, SEARCH_RESULTS)
			.map((s) => ({ name: s.title, value: s.id })),
	};
}

export async function searchTables(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	let connectionId: unknown;
	try {
		connectionId = this.getCurrentNodeParameter('connection', { extractValue: true });
	} catch {
		connectionId = undefined;
	}
	if (typeof connectionId !== 'string' || connectionId.trim() === '') {
		throw new NodeOperationError(this.getNode(), 'Choose a connection first', { description: 'The tables listed here are those of the database behind the connection above.' });
	}
	const entries = await listRoot(client(this), connectionId);
	return {
		results: entries
			.filter((e) => e.type !== 'folder' && matches(filter, e.name, e.path))
			.map((e) => ({ name: String(e.name ?? e.path), value: String(e.path ?? e.name) })),
	};
}

export async function searchConnectionSpecs(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const specs = await client(this).getPaged<IDataObject>('/connectionSpecs', {}, { sendLimit: false });
	return {
		results: specs
			.filter((s) => matches(filter, s.name, s.id))
			.sort((a, b) => String(a.name).localeCompare(String(b.name)))
			.map((s) => ({ name: String(s.name ?? s.id), value: String(s.id) })),
	};
}

/** Connection specs of sources that take a base connection (an auth spec to sign in with): for Other. */
export async function searchSourceConnectionSpecs(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const specs = await client(this).getPaged<IDataObject>('/connectionSpecs', {}, { sendLimit: false });
	return {
		results: specs
			.filter((s) => Array.isArray(s.authSpec) && s.authSpec.length > 0 && (s.attributes as IDataObject | undefined)?.isSource !== false)
			.filter((s) => matches(filter, s.name, s.id))
			.sort((a, b) => String(a.name).localeCompare(String(b.name)))
			.map((s) => ({ name: `${String(s.name ?? s.id)}${findConnectorBySpecId(String(s.id)) ? ` (${findConnectorBySpecId(String(s.id))!.displayName})` : ''}`, value: String(s.id) })),
	};
}
