/** Searchable lists a dataflow is made with: mapping sets (of the target's schema) and the columns of its table. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listSchemas } from '../../actions/shared/catalog';
import type { ExploreColumn } from '../../actions/database/explore';
import { exploreTable } from '../../actions/database/explore';
import { DATAFLOW, fetchEntity, first, SOURCE_CONNECTION, TARGET_CONNECTION } from '../../actions/shared/flowObjects';
import { mappingOutput, readAllMappingSets } from '../../actions/mapping/mappingSets';
import { isUuid } from '../../helpers/validation';
import { FlowServiceClient } from '../../transport';
import { client, matches, SEARCH_RESULTS } from './shared';

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

/**
 * The schema of the target connection picked above (Dataflow → Create), or of the picked dataflow's
 * (Dataflow → Update): the one schema its mapping may have (else `1425-400`).
 */
async function targetSchemaId(context: ILoadOptionsFunctions, platform: FlowServiceClient): Promise<string | undefined> {
	if (context.getCurrentNodeParameter('resource') !== 'dataflow') return undefined;
	let targetId = pickedId(context, TARGET_CONNECTION.parameter);
	if (context.getCurrentNodeParameter('operation') === 'update') {
		const flowId = pickedId(context, DATAFLOW.parameter);
		targetId = flowId ? first((await fetchEntity(platform, DATAFLOW, flowId)).targetConnectionIds) ?? undefined : undefined;
	}
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
 * target connection picked (or Update with a dataflow picked), only those of its schema; otherwise
 * all, each with its schema's title.
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
 * Create), or the picked dataflow's (Run Now, Backfill), with the column that dataflow already copies by.
 */
async function columnSource(context: ILoadOptionsFunctions, platform: FlowServiceClient): Promise<{ source: IDataObject; current?: string }> {
	if (['runNow', 'backfill'].includes(String(context.getCurrentNodeParameter('operation')))) {
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
