/**
 * How a finished run is written: one function for every run the emulator makes — copied from a
 * table, planned by a test to end as it says, or seeded as history — so that they all have the same
 * shape.
 * The shape is the union of Adobe's run examples: the monitoring tutorial's older one (activity ids
 * `copyActivity` and `promotionActivity`, the copy window, manifests, the promotion activity's
 * `extensions.errors`; help/dataflows/api/monitor.md @22de6f4), its newer one (`imsOrgId`, activity
 * `name`s, the copy activity's record counts; @ce20c27) and the failure notification's run
 * (help/sources/notifications.md).
 */
import { randomUUID } from 'node:crypto';

import { newEtag } from '../store';
import type { FailedRow } from './diagnostics';
import { DATA_ACCESS_PATH, MANIFEST } from './diagnostics';
import type { StoredFlow } from './flows';

export interface RunError {
	code: string;
	message: string;
	recordCount?: number;
}

export type RunStatus = 'inProgress' | 'success' | 'failed';

export interface StoredRun {
	id: string;
	flowId: string;
	etag: string;
	createdAt: number;
	updatedAt: number;
	createdBy: string;
	updatedBy: string;
	createdClient: string;
	updatedClient: string;
	sandboxId: string;
	sandboxName: string;
	imsOrgId: string;
	/** When it was due, in epoch seconds (scheduled runs) — to make each due time once. */
	dueAt?: number;
	window: { start?: number; end: number };
	/**
	 * What an on-demand run was asked for, as the ad hoc run page shows it on the run
	 * (help/sources/tutorials/api/create-flow-runs.md: `params.windowStartTime`, `windowEndTime`, `deltaColumn`);
	 * a re-triggered run carries its original's window there too [inferred]. Scheduled runs have none.
	 */
	params?: Record<string, unknown>;
	metrics: {
		durationSummary: { startedAtUTC: number; completedAtUTC?: number };
		sizeSummary: { inputBytes: number; outputBytes: number };
		recordSummary: { inputRecordCount: number; outputRecordCount: number; failedRecordCount: number };
		fileSummary: { inputFileCount: number; outputFileCount: number; activityRefs: string[] };
		statusSummary: { status: RunStatus; errors: RunError[]; activityRefs: string[] };
	};
	activities: Array<Record<string, unknown>>;
}

/** What a run came to, before it is written in Adobe's shape. */
export interface RunResult {
	status: 'success' | 'failed';
	/** Records read from the source, written to the dataset, and failed. */
	input: number;
	output: number;
	failed: number;
	inputBytes: number;
	/** Whether the copy activity read the source. */
	copied: boolean;
	/** The run's `metrics.statusSummary.errors`, and the failing activity's. */
	errors: RunError[];
	/** The promotion activity's `statusSummary.extensions.errors`. */
	details: RunError[];
	/** The rows it rejected, where known: its batch's diagnostics (diagnostics.ts). */
	rows?: FailedRow[];
}

/**
 * A run that could not copy from its source: the code and message of Adobe's flow run notification
 * page for an error "in copying the data from Source" (help/sources/notifications.md @022ac10; the
 * newest copy, @bb4f2ec, describes the code as "An error occurred while data is being copied from a
 * source").
 */
export const COPY_FAILED: RunError = { code: 'CONNECTOR-1001-500', message: 'Error in copying the data from Source.' };

/**
 * A run that copied its rows but could not process them: the code and message of the failure
 * notification's run (help/sources/notifications.md @bb4f2ec).
 */
export const PROCESSING_FAILED: RunError = { code: 'CONNECTOR-2001-500', message: 'Error in processing (parsing, validation or transformation) the copied data.' };

/**
 * A run that succeeded with records that failed, as the monitoring tutorial's older example shows it
 * (help/dataflows/api/monitor.md @22de6f4): the run's error is the promotion activity's
 * `CONNECTOR-2001-500`, and the promotion activity's `extensions.errors` say how many rows were
 * ingested (`INGEST-1212-400`) and how many the mapper failed (`MAPPER-3700-400`, with `recordCount`).
 */
export function partialIngestion(failed: number, ingested: number): Pick<RunResult, 'errors' | 'details'> {
	return {
		errors: [{ code: 'CONNECTOR-2001-500', message: 'Error occurred at promotion activity.' }],
		details: [
			{ code: 'INGEST-1212-400', message: `Encountered ${failed} errors in the data. Successfully ingested ${ingested} rows. Review the associated diagnostic files for additional details.` },
			{ code: 'MAPPER-3700-400', recordCount: failed, message: 'Mapper Transform Error' },
		],
	};
}

/** The run, finished with this result at this time. */
export function finishRun(run: StoredRun, flow: StoredFlow, result: RunResult, completedAt: number): void {
	const { status, input, output, failed, inputBytes: bytes, copied, errors, details } = result;
	const startedAt = run.metrics.durationSummary.startedAtUTC;
	run.metrics = {
		durationSummary: { startedAtUTC: startedAt, completedAtUTC: completedAt },
		sizeSummary: { inputBytes: bytes, outputBytes: copied ? Math.round((bytes * output) / Math.max(1, input)) : 0 },
		recordSummary: { inputRecordCount: input, outputRecordCount: output, failedRecordCount: failed },
		fileSummary: { inputFileCount: copied ? 1 : 0, outputFileCount: output > 0 ? 1 : 0, activityRefs: ['promotionActivity'] },
		statusSummary: { status, errors, activityRefs: ['promotionActivity'] },
	};
	const batchId = randomUUID().replace(/-/g, '').slice(0, 26).toUpperCase();
	const manifest = (path: string) => `${MANIFEST.host}${DATA_ACCESS_PATH}/batches/${batchId}/meta?path=${path}`;
	run.activities = [
		{
			id: 'copyActivity',
			name: 'Copy Activity',
			updatedAtUTC: completedAt,
			durationSummary: { startedAtUTC: startedAt, completedAtUTC: completedAt, extensions: { windowStart: (run.window.start ?? 0) * 1000, windowEnd: run.window.end * 1000 } },
			sizeSummary: { inputBytes: bytes, outputBytes: copied ? bytes : 0 },
			recordSummary: { inputRecordCount: input, outputRecordCount: copied ? input : 0 },
			fileSummary: { inputFileCount: copied ? 1 : 0, outputFileCount: copied ? 1 : 0 },
			statusSummary: { status: copied ? 'success' : 'failed', extensions: { type: 'one-time' }, ...(copied ? {} : { errors }) },
			sourceInfo: [{ id: flow.sourceConnectionIds[0], type: 'SourceConnection', reference: { type: 'AdfRunId', ids: [run.id] } }],
		},
		{
			id: 'promotionActivity',
			name: 'Promotion Activity',
			updatedAtUTC: completedAt,
			durationSummary: { startedAtUTC: startedAt, completedAtUTC: completedAt },
			sizeSummary: run.metrics.sizeSummary,
			recordSummary: run.metrics.recordSummary,
			fileSummary: { ...run.metrics.fileSummary, extensions: { manifest: { fileInfo: manifest('input_files') } } },
			statusSummary: { status, errors, extensions: { manifest: { failedRecords: manifest('row_errors'), sampleErrors: manifest('row_error_samples.json') }, errors: details } },
			targetInfo: [{ id: flow.targetConnectionIds[0], type: 'TargetConnection', reference: { type: 'Batch', ids: [batchId] } }],
		},
	];
	run.etag = newEtag();
	run.updatedAt = completedAt;
	// The flow's last run is the one that started last (a run that started earlier and ends later does not take its place).
	const last = flow.lastRunDetails as { startedAtUTC?: number } | undefined;
	if (last?.startedAtUTC === undefined || startedAt >= last.startedAtUTC) {
		flow.lastRunDetails = { id: run.id, state: status, startedAtUTC: startedAt, completedAtUTC: completedAt };
	}
}

export function publicRun(run: StoredRun): Record<string, unknown> {
	const { dueAt: _dueAt, window: _window, ...rest } = run;
	return rest;
}
