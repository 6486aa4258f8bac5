/**
 * What a run came to, in the words the trigger and Dataflow → Get Health share: failed, succeeded with
 * failed records, succeeded, or not finished yet. Adobe writes statuses in several cases and spellings
 * (`success`, `Failed`, `PARTIAL_SUCCESS`, `inProgress`), so they are compared lower-cased without `_`
 * or `-`. A success with failed records is partial ingestion under the error threshold: "success" is
 * not "clean", so the failed record count decides.
 */
import type { IDataObject } from 'n8n-workflow';

export type RunEvent = 'runFailed' | 'runSucceededWithFailedRecords' | 'runSucceeded';

const FAILED = ['failed', 'failure', 'partialfailure', 'cancelled', 'canceled', 'error'];
const SUCCEEDED = ['success', 'succeeded', 'partialsuccess', 'completed'];

export function normalStatus(status: unknown): string {
	return typeof status === 'string' ? status.toLowerCase().replace(/[_\-\s]/g, '') : '';
}

function metrics(run: IDataObject, part: string): IDataObject {
	return (((run.metrics ?? {}) as IDataObject)[part] ?? {}) as IDataObject;
}

/** When the run started, in epoch milliseconds; null when the Platform gives no start. */
export function startedAtOf(run: IDataObject): number | null {
	const value = metrics(run, 'durationSummary').startedAtUTC;
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function failedRecordsOf(run: IDataObject): number {
	const value = metrics(run, 'recordSummary').failedRecordCount;
	return typeof value === 'number' && value > 0 ? value : 0;
}

/** What the run came to; null while it is still running (or its status is one we do not know as final). */
export function runEvent(run: IDataObject): RunEvent | null {
	const status = normalStatus(metrics(run, 'statusSummary').status);
	if (FAILED.includes(status)) return 'runFailed';
	if (SUCCEEDED.includes(status)) return failedRecordsOf(run) > 0 ? 'runSucceededWithFailedRecords' : 'runSucceeded';
	return null;
}

/** The events a user picks from; `runFinished` stands for all three. */
export const RUN_EVENT_OPTIONS = [
	{ name: 'Run Failed', value: 'runFailed', description: 'A run ended in failure' },
	{ name: 'Run Finished (Any)', value: 'runFinished', description: 'A run ended, whatever its outcome' },
	{ name: 'Run Succeeded', value: 'runSucceeded', description: 'A run succeeded and no record failed' },
	{
		name: 'Run Succeeded with Failed Records',
		value: 'runSucceededWithFailedRecords',
		description: 'A run succeeded, but some records failed (partial ingestion under the error threshold)',
	},
];

/** Whether a finished run is one of the chosen events. */
export function isChosen(event: RunEvent, chosen: string[]): boolean {
	return chosen.includes('runFinished') || chosen.includes(event);
}
