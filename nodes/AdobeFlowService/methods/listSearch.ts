/**
 * Searchable lists for the resource locators: connections, the tables behind one, connection specs,
 * and the pipeline's source and target connections, dataflows (all, or those Run Now can run),
 * datasets, schemas, mapping sets and the columns of a dataflow's table.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listDatasets, listSchemas } from '../actions/dataLake';
import type { ExploreColumn } from '../actions/database/explore';
import { exploreTable, listRoot } from '../actions/database/explore';
import { DATAFLOW, fetchEntity, SOURCE_CONNECTION, TARGET_CONNECTION } from '../actions/flowEntities';
import { mappingOutput, readAllMappingSets } from '../actions/mapping/mappingSets';
import { findConnectorBySpecId } from '../connectors';
import { isUuid } from '../helpers/validation';
import { credentialTypeFor, FlowServiceClient, nextPageQuery } from '../transport';

/** Most entries a search returns: enough to pick from, few enough to read. */
const SEARCH_RESULTS = 100;
/** Fewest entries a filtered list shows before it stops reading pages (unless the account has no more). */
const MIN_KEPT = 20;

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
 * is read and filtered here. `keep` leaves out what the list is not for; without a search, pages are
 * then read until some entries are kept, so that a page the user scrolls to is not empty.
 */
async function searchFlowService(
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

/** Whether Run Now can run the dataflow: the Platform runs on demand only a dataflow scheduled Once (else `1386-400`). */
export function runsOnDemand(flow: IDataObject): boolean {
	const frequency = (flow.scheduleParams as IDataObject | undefined)?.frequency;
	return typeof frequency !== 'string' || frequency.toLowerCase() === 'once';
}

/** Run Now's dataflows: only those scheduled Once; when the account has none, it says so and why. */
export async function searchRunnableDataflows(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const found = await searchFlowService(this, '/flows', (f) => named(f, `once, ${String(f.state ?? 'unknown state')}`), filter, paginationToken, runsOnDemand);
	if (found.results.length === 0 && !filter?.trim() && !paginationToken) {
		// n8n's editor shows the message under "Could not load list" (not the description): the message says why.
		throw new NodeOperationError(this.getNode(), 'No dataflow here is scheduled Once, the only kind Run Now can run', {
			description:
				'Run Now runs only dataflows scheduled Once; the others run on their own schedule (Run → Wait for Run waits for their next run). Create one with Dataflow → Create and Frequency Once.',
		});
	}
	return found;
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

/**
 * The id picked in one of the node's locators, or undefined when none is picked or it is an
 * expression the editor could not work out (no run yet to read it from).
 */
function pickedId(context: ILoadOptionsFunctions, parameter: string): string | undefined {
	let value: unknown;
	try {
		value = context.getCurrentNodeParameter(parameter, { extractValue: true });
	} catch {
		return undefined;
	}
	return typeof value === 'string' && isUuid(value.trim()) ? value.trim() : undefined;
}

/** In Dataflow → Create, the schema of the target connection picked above: the one schema its mapping may have (else `1425-400`). */
async function targetSchemaId(context: ILoadOptionsFunctions, platform: FlowServiceClient): Promise<string | undefined> {
	if (context.getCurrentNodeParameter('resource') !== 'dataflow') return undefined;
	const targetId = pickedId(context, TARGET_CONNECTION.parameter);
	if (!targetId) return undefined;
	const target = await fetchEntity(platform, TARGET_CONNECTION, targetId);
	const schemaId = ((target.data as IDataObject | undefined)?.schema as IDataObject | undefined)?.id;
	return typeof schemaId === 'string' ? schemaId : undefined;
}

/** A mapping set as a list entry: it has no name, so its first pairs, its schema (unless all are of one) and when it was made. */
function mappingEntry(set: IDataObject, schemaTitle: string | undefined): INodeListSearchItems {
	const { mappings, createdAt } = mappingOutput(set) as { mappings: Array<{ source: string; destination: string }>; createdAt: string | null };
	const shown = mappings.slice(0, 3).map((m) => `${m.source} → ${m.destination}`);
	const more = mappings.length > 3 ? `, +${mappings.length - 3} more` : '';
	const created = createdAt === null ? '' : ` · ${createdAt.slice(0, 16).replace('T', ' ')} UTC`;
	return { name: `${shown.join(', ')}${more}${schemaTitle ? ` · ${schemaTitle}` : ''}${created}`, value: String(set.id) };
}

/**
 * Mapping sets, newest first, read from every page of Data Prep's list. In Dataflow → Create with a
 * target connection picked, only those of its schema; otherwise all, each with its schema's title.
 * A search matches the id, a column or a field.
 */
export async function searchMappingSets(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const platform = client(this);
	const schemaId = await targetSchemaId(this, platform);
	const sets = (await readAllMappingSets(platform)).filter((set) => schemaId === undefined || mappingOutput(set).schemaId === schemaId);
	let titles = new Map<string, string>();
	if (schemaId === undefined) {
		try {
			titles = new Map((await listSchemas(platform)).map((s) => [s.id, s.title]));
		} catch {
			// Titles only make the entries easier to tell apart: without them, the schema's id.
		}
	}
	return {
		results: sets
			.map((set) => ({ set, out: mappingOutput(set) as { schemaId: string | null; createdAt: string | null; mappings: Array<{ source: string; destination: string }> } }))
			.filter(({ set, out }) => matches(filter, set.id, ...out.mappings.flatMap((m) => [m.source, m.destination])))
			.sort((a, b) => String(b.out.createdAt ?? '').localeCompare(String(a.out.createdAt ?? '')))
			.slice(0, SEARCH_RESULTS)
			.map(({ set, out }) => mappingEntry(set, schemaId === undefined ? (titles.get(String(out.schemaId)) ?? String(out.schemaId)) : undefined)),
	};
}

/** Whether a column holds times or dates: what an incremental column must hold. */
function holdsTimes(column: ExploreColumn): boolean {
	const format = column.xdm?.format ?? '';
	return ['date-time', 'date'].includes(format) || /date|time/i.test(column.type ?? '') || /date/i.test(column['meta:xdmType'] ?? '');
}

/**
 * The source connection whose table the Incremental Column is of: the one picked above (Dataflow →
 * Create), or the picked dataflow's (Run Now), with the column that dataflow already copies by.
 */
async function columnSource(context: ILoadOptionsFunctions, platform: FlowServiceClient): Promise<{ source: IDataObject; current?: string }> {
	if (context.getCurrentNodeParameter('operation') === 'runNow') {
		const flowId = pickedId(context, DATAFLOW.parameter);
		if (!flowId) {
			throw new NodeOperationError(context.getNode(), 'Choose a dataflow first', { description: "The columns listed here are those of the dataflow's table. With an expression above, type the column By Name." });
		}
		const flow = await fetchEntity(platform, DATAFLOW, flowId);
		const sourceId = (flow.sourceConnectionIds as string[] | undefined)?.[0];
		if (typeof sourceId !== 'string') throw new NodeOperationError(context.getNode(), `Dataflow ${flowId} reads no source connection`);
		const copy = ((flow.transformations ?? []) as IDataObject[]).find((t) => t.name === 'Copy');
		const current = ((copy?.params as IDataObject | undefined)?.deltaColumn as IDataObject | undefined)?.name;
		return { source: await fetchEntity(platform, SOURCE_CONNECTION, sourceId), current: typeof current === 'string' ? current : undefined };
	}
	const sourceId = pickedId(context, SOURCE_CONNECTION.parameter);
	if (!sourceId) {
		throw new NodeOperationError(context.getNode(), 'Choose a source connection first', {
			description: "The columns listed here are those of the source connection's table. With an expression above, type the column By Name.",
		});
	}
	return { source: await fetchEntity(platform, SOURCE_CONNECTION, sourceId) };
}

/**
 * The Incremental Column's list: the columns of the table the dataflow reads, as the database has
 * them now (explore, as Get Table Schema reads them; those the source connection was made with when
 * the Platform cannot explore it). Columns of times and dates come first, as only those fit.
 */
export async function searchColumns(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const platform = client(this);
	const { source, current } = await columnSource(this, platform);
	const params = (source.params ?? {}) as IDataObject;
	const saved = (Array.isArray(params.columns) ? params.columns : []) as unknown as ExploreColumn[];
	// Where explore fails, the columns the source connection was made with; with none, explore's own error (a NodeApiError).
	const explore = exploreTable({ client: platform }, String(source.baseConnectionId), String(params.tableName), false);
	const columns = saved.length === 0 ? ((await explore).schema?.columns ?? []) : await explore.then((table) => table.schema?.columns ?? [], () => saved);
	const kind = (c: ExploreColumn) => c.xdm?.format ?? c.xdm?.type ?? c['meta:xdmType'] ?? c.type ?? 'unknown type';
	const rank = (c: ExploreColumn) => (c.name === current ? 0 : holdsTimes(c) ? 1 : 2);
	return {
		results: columns
			.filter((c) => matches(filter, c.name))
			.map((c, position) => ({ c, position }))
			.sort((a, b) => rank(a.c) - rank(b.c) || a.position - b.position)
			.map(({ c }) => ({ name: `${c.name} (${kind(c)}${c.name === current ? ", this dataflow's" : ''})`, value: c.name })),
	};
}
