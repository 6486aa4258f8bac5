/**
 * On-demand runs (`POST /runs`, help/sources/tutorials/api/on-demand-ingestion.md), which the Platform
 * allows only for a dataflow scheduled Once: what Run Now and Backfill share — the dataflow picker,
 * the refusal of a scheduled dataflow before anything is sent, and the request.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../helpers/validation';
import type { FlowServiceClient, Recovery } from '../../transport';
import { fieldError } from '../shared/fieldErrors';
import { DATAFLOW } from '../shared/flowObjects';
import { idLocator } from '../shared/locators';
import { incrementalColumnLocator } from './schedule';

/** The dataflow locator of the other operations, but From List shows only the dataflows that can run on demand. */
export function runnableDataflowLocator(description: string): INodeProperties {
	return {
		...idLocator({
			displayName: DATAFLOW.label,
			name: DATAFLOW.parameter,
			description,
			searchListMethod: 'searchRunnableDataflows',
			example: '2edc08ac-4df5-4fe6-936f-81a19ce92f5c',
		}),
		hint: 'Only a dataflow scheduled Once can be run on demand: From List shows only those',
	};
}

/** The column an on-demand run's window is on: named on a dataflow's first run, kept by the Platform after. */
export function onDemandColumnLocator(about: string): INodeProperties {
	return incrementalColumnLocator({
		required: false,
		description: `The column with the time each row was added or last changed: ${about} are times in it`,
		hint: "Needed on the dataflow's first run only: the Platform keeps it, and a later run may name only the same column",
	});
}

const EVERY: Record<string, string> = { minute: 'minutes', hour: 'hours', day: 'days', week: 'weeks' };

/**
 * The Platform runs on demand only a dataflow scheduled Once (`1386-400` otherwise): refused here,
 * before anything is sent, with what to do instead.
 */
export function refuseScheduled(context: IExecuteFunctions, flow: IDataObject, itemIndex: number): void {
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

/**
 * Starts one on-demand run over the window (epoch seconds), naming the incremental column where one
 * is given. Never sent twice: a second run would copy the window again — after a lost answer only
 * `recovery` may find what the first made. Returns the new run's id and etag.
 */
export async function postOnDemandRun(
	client: FlowServiceClient,
	request: { flowId: string; windowStartTime: number; windowEndTime: number; column: string; itemIndex: number; recovery?: Recovery<IDataObject> },
): Promise<{ id: string | null; etag: string | null; recovered: boolean }> {
	const { flowId, windowStartTime, windowEndTime, column, itemIndex, recovery } = request;
	const params: IDataObject = { startTime: Math.floor(Date.now() / 1000), windowStartTime, windowEndTime };
	if (column) params.deltaColumn = { name: column };
	const { body, recovered } = await client.request<IDataObject & { items?: IDataObject[] }>({ method: 'POST', path: '/runs', body: { flowId, params }, idempotent: false, recovery, itemIndex });
	// The tutorial answers {items: [{id, etag}]}; the OpenAPI {id, etag}; a recovery the run itself.
	const run = body?.items?.[0] ?? body ?? {};
	return { id: typeof run.id === 'string' ? run.id : null, etag: typeof run.etag === 'string' ? run.etag : null, recovered };
}
