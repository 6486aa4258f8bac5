/**
 * Dataflow runs (`/runs`), as Adobe's monitoring tutorial shows them: status in
 * `metrics.statusSummary`, counts in `metrics.recordSummary` (input, output, failed), times in
 * `metrics.durationSummary` (epoch milliseconds). One output shape for every run operation.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FlowServiceClient } from '../../transport';
import { sleepUnlessAborted } from '../../transport/clock';

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
	description: 'The ID of the run: the runId output by Dataflow → Run Now, or the ID output by Run → Retry',
};

/** One run by id (`GET /runs/{id}` answers `{items: [run]}`). */
export async function fetchRun(client: FlowServiceClient, id: string, itemIndex: number): Promise<IDataObject> {
	const { body } = await client.request<{ items?: IDataObject[] }>({ method: 'GET', path: `/runs/${encodeURIComponent(id)}`, itemIndex });
	const run = body?.items?.[0];
	if (!run) throw new Error(`The Platform returned no run for ${id}`);
	return run;
}

/** How long to wait for a run, and how often to look: Wait for Run's and Backfill's fields. */
export const waitProperties: INodeProperties[] = [
	{
		displayName: 'Timeout (Seconds)',
		name: 'waitTimeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 3600,
		description: 'How long to wait before giving up with an error',
	},
	{
		displayName: 'Check Every (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'How long to wait between two looks at the run',
	},
];

export interface WaitSettings {
	timeoutMs: number;
	pollMs: number;
}

export function readWaitSettings(context: IExecuteFunctions, itemIndex: number): WaitSettings {
	return {
		timeoutMs: Math.max(1, Number(context.getNodeParameter('waitTimeout', itemIndex, 3600))) * 1000,
		pollMs: Math.max(1, Number(context.getNodeParameter('pollInterval', itemIndex, 30))) * 1000,
	};
}

/** A run's status as the Platform writes it, or undefined. */
export function statusOf(run: IDataObject | undefined): unknown {
	return ((run?.metrics as IDataObject | undefined)?.statusSummary as IDataObject | undefined)?.status;
}

/**
 * Looks at a run until it has finished (`look` gives it as the Platform has it now, undefined while
 * there is none), every `pollMs`, for at most `timeoutMs`: then, or when the execution is cancelled,
 * an error that says which run of which dataflow was waited for.
 */
export async function waitForFinish(
	context: IExecuteFunctions,
	look: () => Promise<IDataObject | undefined>,
	{ timeoutMs, pollMs }: WaitSettings,
	flowId: string,
	itemIndex: number,
): Promise<{ run: IDataObject; waitedMs: number }> {
	const started = Date.now();
	const signal = context.getExecutionCancelSignal?.();
	for (;;) {
		const seen = await look();
		if (seen && isFinished(statusOf(seen))) return { run: seen, waitedMs: Date.now() - started };
		const waited = Date.now() - started;
		if (signal?.aborted) throw new NodeOperationError(context.getNode(), `The execution was cancelled while waiting for a run of dataflow ${flowId} [item ${itemIndex}]`, { itemIndex });
		if (waited >= timeoutMs) {
			const what = seen ? `run ${String(seen.id)} is still ${String(statusOf(seen) ?? 'running')}` : 'no run has started';
			throw new NodeOperationError(context.getNode(), `No run of dataflow ${flowId} finished within ${Math.round(timeoutMs / 1000)} seconds: ${what} [item ${itemIndex}]`, {
				itemIndex,
				description: "Raise Timeout (Seconds), or check the dataflow's schedule: a run starts only when the schedule comes due.",
			});
		}
		await sleepUnlessAborted(Math.min(pollMs, timeoutMs - waited), signal);
	}
}

/** The error for a run that ended failed (its output from runOutput), with the Platform's reasons. */
export function runFailedError(context: IExecuteFunctions, output: IDataObject, flowId: string, itemIndex: number, more = ''): NodeOperationError {
	const reasons = (output.errors as Array<{ code: unknown; message: unknown }>).map((e) => `${String(e.message)} (${String(e.code)})`).join('; ');
	return new NodeOperationError(context.getNode(), `Run ${String(output.id)} of dataflow ${flowId} ${String(output.status)}: ${reasons || 'the Platform gave no reason'} [item ${itemIndex}]`, {
		itemIndex,
		description: `Input records: ${String(output.inputRecordCount)}, written: ${String(output.outputRecordCount)}, failed: ${String(output.failedRecordCount)}.${more}`,
	});
}
