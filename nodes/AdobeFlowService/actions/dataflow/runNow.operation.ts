/**
 * Dataflow → Run Now: an on-demand run (`POST /runs`, help/sources/tutorials/api/on-demand-ingestion.md),
 * which the Platform allows for a dataflow scheduled Once. Its first run names the incremental
 * column; the Platform keeps it for the runs after.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemContext } from '../common';
import { forOperation, validated } from '../common';
import { DATAFLOW, entityLocator, readEntityId } from '../flowEntities';
import { incrementalColumnLocator, readIncrementalColumn, readTime } from './schedule';

export const option = { name: 'Run Now', value: 'runNow', action: 'Run a dataflow now', description: 'Start an on-demand run of a dataflow scheduled Once' };

const properties: INodeProperties[] = [
	entityLocator(DATAFLOW, 'The dataflow to run: one scheduled Once'),
	{ displayName: 'Window Start', name: 'windowStart', type: 'dateTime', default: '', description: 'Copy rows changed after this time; empty for all rows' },
	{ displayName: 'Window End', name: 'windowEnd', type: 'dateTime', default: '', description: 'Copy rows changed up to this time; empty for now' },
	incrementalColumnLocator({
		required: false,
		description: "The column with the time each row last changed. Required on the dataflow's first run; later runs must name the same one or none.",
	}),
];

export const description = forOperation('dataflow', 'runNow', properties);

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const flowId = readEntityId(this, itemIndex, DATAFLOW);
	const { windowStartTime, windowEndTime } = validated(this, itemIndex, () => ({
		windowStartTime: readTime('Window Start', this.getNodeParameter('windowStart', itemIndex, ''), 0),
		windowEndTime: readTime('Window End', this.getNodeParameter('windowEnd', itemIndex, '')),
	}));
	const column = readIncrementalColumn(this, itemIndex);
	const params: IDataObject = { startTime: Math.floor(Date.now() / 1000), windowStartTime, windowEndTime };
	if (column) params.deltaColumn = { name: column };
	// Not sent twice: a second run would copy the same window again.
	const { body } = await client.request<{ id?: string; etag?: string; items?: Array<{ id?: string; etag?: string }> }>({
		method: 'POST',
		path: '/runs',
		body: { flowId, params },
		idempotent: false,
		itemIndex,
	});
	// The tutorial answers {items: [{id, etag}]}; the OpenAPI {id, etag}.
	const run = body?.items?.[0] ?? body ?? {};
	return [{ runId: run.id ?? null, flowId, etag: run.etag ?? null, windowStart: new Date(windowStartTime * 1000).toISOString(), windowEnd: new Date(windowEndTime * 1000).toISOString() }];
}
