/**
 * Re-triggering a run: `POST /runs/{RUN_ID}/action?op=re-trigger`, as Adobe's retry tutorial shows it
 * (help/sources/tutorials/api/retry-flows.md: 200 `{id, etag}` of a newly created run), with the
 * OpenAPI's spelling `RE_TRIGGER` too. Only a run that failed, or one that succeeded having ingested
 * no record (the tutorial's note), of an enabled dataflow; the refusals are the sources error
 * catalog's (help/sources/errors/sources-errors.md): `1387-400` a run in a state that cannot be
 * re-triggered, `1388-400` a dataflow that is not enabled, `1401-400` another action.
 *
 * Where Adobe is silent [inferred]:
 * - The new run copies the window of the run it retries (the on-demand page: a retry "will only
 *   process files with timestamps that fall within the range of the original run"), and carries it in
 *   `params` as an on-demand run does (help/sources/tutorials/api/create-flow-runs.md); nothing else
 *   on it names the run it retries.
 * - A run may be re-triggered more than once: the Platform documents no refusal for it.
 * - The run's state is checked before the dataflow's; the run's `If-Match` (optional in the OpenAPI) is not.
 */
import { flowError } from '../errors';
import type { RequestContext } from '../gateway';
import type { Pipeline } from './index';
import type { StoredRun } from './runShape';

/** `re-trigger` as the tutorial writes it, `RE_TRIGGER` as the OpenAPI does. */
const isRetrigger = (op: string | null) => op !== null && op.toLowerCase().replace(/_/g, '-') === 're-trigger';

export function retrigger(pipeline: Pick<Pipeline, 'runs' | 'flows'>, ctx: RequestContext, runId: string, op: string | null): StoredRun {
	if (!isRetrigger(op)) {
		throw flowError('runActionUnsupported', `The provided flow run action=${op ?? ''} is not supported. Please provide a valid flow run action and try again.`, ctx.requestId);
	}
	const run = pipeline.runs.find(ctx, runId);
	const { status } = run.metrics.statusSummary;
	const ingestedNothing = status === 'success' && run.metrics.recordSummary.outputRecordCount === 0;
	if (status !== 'failed' && !ingestedNothing) {
		const state = status === 'success' ? 'success (records ingested)' : status;
		throw flowError('retriggerState', `The flowRunId=${run.id} is in an invalid state=${state} for re-triggering. Please try again after some time and contact customer support if the problem persists.`, ctx.requestId);
	}
	const flow = pipeline.flows.find(ctx, run.flowId);
	if (flow.state !== 'enabled') {
		throw flowError('retriggerFlowState', `The flow=${flow.id} is in state=${flow.state} and cannot be re-triggered. The flow must be in enabled state for re-triggering.`, ctx.requestId);
	}
	const params = { ...run.params, windowStartTime: String(run.window.start ?? 0), windowEndTime: String(run.window.end) };
	return pipeline.runs.start(ctx, flow, { ...run.window }, undefined, params);
}
