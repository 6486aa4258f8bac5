/**
 * Dataflow → Run Now: an on-demand run (`POST /runs`, help/sources/tutorials/api/on-demand-ingestion.md),
 * which the Platform allows for a dataflow scheduled Once. Its first run names the incremental
 * column; the Platform keeps it for the runs after.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { fieldError, validated } from '../shared/fieldErrors';
import { forOperation } from '../shared/operation';
import { idLocator } from '../shared/locators';
import { DATAFLOW, fetchEntity, readEntityId } from '../shared/flowObjects';
import { incrementalColumnLocator, readIncrementalColumn, readTime } from './schedule';

export const option = { name: 'Run Now', value: 'runNow', action: 'Run a dataflow now', description: 'Start an on-demand run of a dataflow scheduled Once, by its ID; returns the run ID and the time window it copies' };

const properties: INodeProperties[] = [
	// The dataflow locator of the other operations, but From List shows only the dataflows Run Now can run.
	{
		...idLocator({
			displayName: DATAFLOW.label,
			name: DATAFLOW.parameter,
			description: 'The dataflow to run: one scheduled Once',
			searchListMethod: 'searchRunnableDataflows',
			example: '2edc08ac-4df5-4fe6-936f-81a19ce92f5c',
		}),
		hint: 'Only a dataflow scheduled Once can be run on demand: From List shows only those',
	},
	{ displayName: 'Window Start', name: 'windowStart', type: 'dateTime', default: '', description: 'Copy rows changed after this time; empty for all rows' },
	{ displayName: 'Window End', name: 'windowEnd', type: 'dateTime', default: '', description: 'Copy rows changed up to this time; empty for now' },
	incrementalColumnLocator({
		required: false,
		description: 'The column with the time each row was added or last changed: Window Start and Window End are times in it',
		hint: "Needed on the dataflow's first run only: the Platform keeps it, and a later run may name only the same column",
	}),
];

export const description = forOperation('dataflow', 'runNow', properties);

const EVERY: Record<string, string> = { minute: 'minutes', hour: 'hours', day: 'days', week: 'weeks' };

/**
 * The Platform runs on demand only a dataflow scheduled Once (`1386-400` otherwise): refused here,
 * before anything is sent, with what to do instead.
 */
function refuseScheduled(context: IExecuteFunctions, flow: IDataObject, itemIndex: number): void {
	const schedule = (flow.scheduleParams ?? {}) as IDataObject;
	const frequency = typeof schedule.frequency === 'string' ? schedule.frequency.toLowerCase() : undefined;
	if (frequency === undefined || frequency === 'once') return;
	const interval = Number(schedule.interval ?? 1);
	const every = interval === 1 || !Number.isFinite(interval) ? `every ${frequency}` : `every ${interval} ${EVERY[frequency] ?? frequency}`;
	throw fieldError(
		context,
		new FieldError(
			'Dataflow',
			`${typeof flow.name === 'string' ? `"${flow.name}" ` : ''}(${String(flow.id)}) runs ${every} on its schedule, so it cannot be run now: only a dataflow scheduled Once can`,
			'Wait for its next scheduled run (Run → Wait for Run), or set its Frequency to Once with Dataflow → Update Schedule (the Platform allows it only before its start time), or pick a dataflow scheduled Once',
		),
		itemIndex,
	);
}

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const flowId = readEntityId(this, itemIndex, DATAFLOW);
	const { windowStartTime, windowEndTime } = validated(this, itemIndex, () => ({
		windowStartTime: readTime('Window Start', this.getNodeParameter('windowStart', itemIndex, ''), 0),
		windowEndTime: readTime('Window End', this.getNodeParameter('windowEnd', itemIndex, '')),
	}));
	const column = readIncrementalColumn(this, itemIndex);
	refuseScheduled(this, await fetchEntity(client, DATAFLOW, flowId, itemIndex), itemIndex);
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
