/**
 * Dataflow → Run Now: an on-demand run (`POST /runs`, help/sources/tutorials/api/on-demand-ingestion.md),
 * which the Platform allows for a dataflow scheduled Once. Its first run names the incremental
 * column; the Platform keeps it for the runs after.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemContext } from '../shared/operation';
import { validated } from '../shared/fieldErrors';
import { forOperation } from '../shared/operation';
import { DATAFLOW, fetchEntity, readEntityId } from '../shared/flowObjects';
import { onDemandColumnLocator, postOnDemandRun, refuseScheduled, runnableDataflowLocator } from './onDemand';
import { readIncrementalColumn, readTime } from './schedule';

export const option = { name: 'Run Now', value: 'runNow', action: 'Run a dataflow now', description: 'Start an on-demand run of a dataflow scheduled Once, by its ID; returns the run ID and the time window it copies' };

const properties: INodeProperties[] = [
	runnableDataflowLocator('The dataflow to run: one scheduled Once'),
	{ displayName: 'Window Start', name: 'windowStart', type: 'dateTime', default: '', description: 'Copy rows changed after this time; empty for all rows' },
	{ displayName: 'Window End', name: 'windowEnd', type: 'dateTime', default: '', description: 'Copy rows changed up to this time; empty for now' },
	onDemandColumnLocator('Window Start and Window End'),
];

export const description = forOperation('dataflow', 'runNow', properties);

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const flowId = readEntityId(this, itemIndex, DATAFLOW);
	const { windowStartTime, windowEndTime } = validated(this, itemIndex, () => ({
		windowStartTime: readTime('Window Start', this.getNodeParameter('windowStart', itemIndex, ''), 0),
		windowEndTime: readTime('Window End', this.getNodeParameter('windowEnd', itemIndex, '')),
	}));
	const column = readIncrementalColumn(this, itemIndex);
	refuseScheduled(this, await fetchEntity(client, DATAFLOW, flowId, itemIndex), itemIndex);
	const run = await postOnDemandRun(client, { flowId, windowStartTime, windowEndTime, column, itemIndex });
	return [{ runId: run.id, flowId, etag: run.etag, windowStart: new Date(windowStartTime * 1000).toISOString(), windowEnd: new Date(windowEndTime * 1000).toISOString() }];
}
