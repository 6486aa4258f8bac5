/**
 * Dataflow runs (`/runs`), as Adobe's monitoring tutorial shows them: status in
 * `metrics.statusSummary`, counts in `metrics.recordSummary` (input, output, failed), times in
 * `metrics.durationSummary` (epoch milliseconds). One output shape for every run operation.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** Statuses after which a run changes no more (the docs show `success` and `Failed`; the OpenAPI adds partial ones). */
export const FINISHED = ['success', 'failed', 'partialsuccess', 'partial_success', 'partialfailure', 'partial_failure', 'cancelled'];

export function isFinished(status: unknown): boolean {
	return typeof status === 'string' && FINISHED.includes(status.toLowerCase());
}

export function isFailure(status: unknown): boolean {
	return typeof status === 'string' && ['failed', 'partialfailure', 'partial_failure', 'cancelled'].includes(status.toLowerCase());
}

const count = (value: unknown) => (typeof value === 'number' ? value : null);
const iso = (value: unknown) => (typeof value === 'number' ? new Date(value).toISOString() : null);

export function runOutput(run: IDataObject): IDataObject {
	const metrics = (run.metrics ?? {}) as IDataObject;
	const records = (metrics.recordSummary ?? {}) as IDataObject;
	const duration = (metrics.durationSummary ?? {}) as IDataObject;
	const status = (metrics.statusSummary ?? {}) as IDataObject;
	const started = duration.startedAtUTC;
	const completed = duration.completedAtUTC;
	return {
		id: String(run.id),
		flowId: typeof run.flowId === 'string' ? run.flowId : null,
		status: typeof status.status === 'string' ? status.status : null,
		inputRecordCount: count(records.inputRecordCount),
		outputRecordCount: count(records.outputRecordCount),
		failedRecordCount: count(records.failedRecordCount),
		startedAt: iso(started),
		completedAt: iso(completed),
		durationSeconds: typeof started === 'number' && typeof completed === 'number' ? (completed - started) / 1000 : null,
		errors: (Array.isArray(status.errors) ? status.errors : []).map((e: IDataObject) => ({ code: e.code ?? null, message: e.message ?? null })),
		etag: typeof run.etag === 'string' ? run.etag : null,
	};
}

export const runIdProperty: INodeProperties = {
	displayName: 'Run ID',
	name: 'runId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 9830305a-985f-47d0-b030-5a985fd7d004',
	description: 'The ID of the run: the runId output by Dataflow → Run Now',
};
