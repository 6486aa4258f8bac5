/**
 * Dataflow → Backfill: on-demand runs (`POST /runs`) over consecutive windows from Start to End, one
 * at a time, each waited for before the next starts — Adobe documents no limit on windows or on runs
 * at once, so none overlap and none run together [inferred]. Only for a dataflow scheduled Once, as
 * Run Now. One output item per window.
 *
 * Safe to start again: a window that already has a successful run of the dataflow over exactly that
 * window (its window read from the runs, see runWindows.ts) is skipped, and one whose run is still
 * going is waited for rather than started again; so a backfill stopped at any point and started again
 * copies no window twice. A run whose answer was lost is looked for, never sent twice.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { forOperation } from '../shared/operation';
import { validated } from '../shared/fieldErrors';
import { DATAFLOW, fetchEntity, readEntityId } from '../shared/flowObjects';
import { fetchRun, isFailure, isFinished, readWaitSettings, runFailedError, runOutput, statusOf, waitForFinish, waitProperties } from '../shared/runs';
import type { RunWindow } from '../shared/runWindows';
import { runsOfFlow, sameWindow, windowOf, windowOutput } from '../shared/runWindows';
import { onDemandColumnLocator, postOnDemandRun, refuseScheduled, runnableDataflowLocator } from './onDemand';
import { readIncrementalColumn, readTime } from './schedule';

export const option = { name: 'Backfill', value: 'backfill', action: 'Backfill a dataflow', description: 'Run a dataflow scheduled Once, by its ID, over consecutive windows from a start to an end time (ISO 8601), one after another, skipping windows already copied; returns one item per window with its run ID, status and record counts' };

const UNIT_SECONDS: Record<string, number> = { minute: 60, hour: 3600, day: 86_400, week: 604_800 };

/** Most windows one backfill runs: each is a run of its own, waited for. */
export const MAX_WINDOWS = 1000;

const properties: INodeProperties[] = [
	runnableDataflowLocator('The dataflow to backfill: one scheduled Once'),
	{ displayName: 'Start', name: 'backfillStart', type: 'dateTime', default: '', required: true, description: 'The start of the first window: rows changed after this time' },
	{ displayName: 'End', name: 'backfillEnd', type: 'dateTime', default: '', description: 'The end of the last window: rows changed up to this time; empty for now' },
	{ displayName: 'Window Length', name: 'windowLength', type: 'number', typeOptions: { minValue: 1 }, default: 1, description: 'How much time each run copies, in Window Unit; the last window ends at End' },
	{
		displayName: 'Window Unit',
		name: 'windowUnit',
		type: 'options',
		options: Object.keys(UNIT_SECONDS).map((unit) => ({ name: `${unit[0].toUpperCase()}${unit.slice(1)}s`, value: unit })),
		default: 'day',
	},
	onDemandColumnLocator('the windows'),
	{
		displayName: 'On Failure',
		name: 'onFailure',
		type: 'options',
		options: [{ name: 'Stop', value: 'stop', description: 'Stop at the first window whose run fails, with an error; starting again goes on from it' }, { name: 'Continue', value: 'continue', description: 'Go on with the next windows; a failed window is an item with its status and errors' }],
		default: 'stop',
	},
	...waitProperties.map((p) => (p.name === 'waitTimeout' ? { ...p, description: 'How long to wait for the run of one window before giving up with an error' } : p)),
];

export const description = forOperation('dataflow', 'backfill', properties);

function readWindows(context: IExecuteFunctions, itemIndex: number): RunWindow[] {
	return validated(context, itemIndex, () => {
		const from = context.getNodeParameter('backfillStart', itemIndex, '');
		if (from === '' || from === null || from === undefined) throw new FieldError('Start', 'is required', 'Enter when the first window starts, e.g. 2026-01-01T00:00:00Z');
		const start = readTime('Start', from);
		const end = readTime('End', context.getNodeParameter('backfillEnd', itemIndex, ''));
		const length = context.getNodeParameter('windowLength', itemIndex, 1);
		const unit = UNIT_SECONDS[String(context.getNodeParameter('windowUnit', itemIndex, 'day'))];
		if (unit === undefined) throw new FieldError('Window Unit', 'must be minutes, hours, days or weeks');
		if (typeof length !== 'number' || !Number.isInteger(length) || length < 1) throw new FieldError('Window Length', 'must be a whole number of at least 1');
		if (end <= start) throw new FieldError('End', 'is not after Start', 'A backfill copies the windows from Start to End: End must be later (empty for now)');
		const step = length * unit;
		const count = Math.ceil((end - start) / step);
		if (count > MAX_WINDOWS) throw new FieldError('Window Length', `makes ${count} windows from Start to End, more than the ${MAX_WINDOWS} one backfill runs`, 'Make the windows longer, or backfill a shorter time at once');
		return Array.from({ length: count }, (_, k) => ({ start: start + k * step, end: Math.min(end, start + (k + 1) * step) }));
	});
}

/** One window's item: the same keys whether its run was skipped, succeeded or failed. */
function windowItem(flowId: string, window: RunWindow, run: IDataObject, skipped: boolean): IDataObject {
	const out = runOutput(run);
	return {
		flowId,
		...windowOutput(window),
		runId: out.id,
		status: out.status,
		skipped,
		recordsRead: out.inputRecordCount,
		recordsWritten: out.outputRecordCount,
		failedRecords: out.failedRecordCount,
		errors: out.errors,
		startedAt: out.startedAt,
		completedAt: out.completedAt,
	};
}

export async function execute(this: IExecuteFunctions, { itemIndex, client, made }: ItemContext): Promise<IDataObject[]> {
	const flowId = readEntityId(this, itemIndex, DATAFLOW);
	const windows = readWindows(this, itemIndex);
	const column = readIncrementalColumn(this, itemIndex);
	const onFailure = this.getNodeParameter('onFailure', itemIndex, 'stop') as string;
	refuseScheduled(this, await fetchEntity(client, DATAFLOW, flowId, itemIndex), itemIndex);
	// Items of one execution that backfill the same dataflow take turns: each sees the runs of the one before.
	const key = `dataflow.backfill ${flowId}`;
	const before = made?.get(key);
	let done = () => {};
	made?.set(key, new Promise<void>((resolve) => (done = resolve)));
	try {
		await before;
		return await backfillWindows(this, client, { flowId, windows, column, onFailure, itemIndex });
	} finally {
		done();
	}
}

async function backfillWindows(
	context: IExecuteFunctions,
	client: ItemContext['client'],
	{ flowId, windows, column, onFailure, itemIndex }: { flowId: string; windows: RunWindow[]; column: string; onFailure: string; itemIndex: number },
): Promise<IDataObject[]> {
	const settings = readWaitSettings(context, itemIndex);
	const known = await runsOfFlow(client, flowId, itemIndex);
	const items: IDataObject[] = [];
	for (const window of windows) {
		const over = known.filter((run) => sameWindow(windowOf(run), window));
		const copied = over.find((run) => isFinished(statusOf(run)) && !isFailure(statusOf(run)));
		if (copied) {
			items.push(windowItem(flowId, window, copied, true));
			continue;
		}
		let runId = over.find((run) => !isFinished(statusOf(run)))?.id as string | undefined;
		if (runId === undefined) {
			const isNew = (run: IDataObject) => !known.some((k) => k.id === run.id) && sameWindow(windowOf(run), window);
			const lookup = async () => (await runsOfFlow(client, flowId, itemIndex)).find(isNew);
			const posted = await postOnDemandRun(client, { flowId, windowStartTime: window.start, windowEndTime: window.end, column, itemIndex, recovery: { lookup } });
			if (posted.id === null) throw new Error(`The Platform answered the run of dataflow ${flowId} without its id`);
			runId = posted.id;
		}
		const id = runId;
		const { run } = await waitForFinish(context, async () => await fetchRun(client, id, itemIndex), settings, flowId, itemIndex);
		known.push(run);
		const item = windowItem(flowId, window, run, false);
		if (isFailure(item.status) && onFailure !== 'continue') {
			const more = ` Window ${String(item.windowStart)} to ${String(item.windowEnd)}; ${items.length} of ${windows.length} windows before it are copied. Run Backfill again to go on from this window (the windows copied are skipped), or set On Failure to Continue.`;
			throw runFailedError(context, runOutput(run), flowId, itemIndex, more);
		}
		items.push(item);
	}
	return items;
}
