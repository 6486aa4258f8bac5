/** Searchable lists of the pipeline: source and target connections, dataflows (all, or those Run Now can run), datasets and schemas. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listDatasets, listSchemas } from '../../actions/shared/catalog';
import { client, matches, named, SEARCH_RESULTS, searchFlowService } from './shared';

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
