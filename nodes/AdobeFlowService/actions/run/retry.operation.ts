/**
 * Run → Retry: re-triggers a run (`POST /runs/{id}/action?op=re-trigger`,
 * help/sources/tutorials/api/retry-flows.md), which makes a new run; its id is the output's `id`, for
 * Run → Wait for Run By ID. Only a run that failed, or that succeeded having ingested no record, can
 * be retried: anything else is refused before the request is sent.
 *
 * Safe to run again. The Platform says nothing on a run of which run it retries, so "the retry of run
 * X" is read from what runs carry [inferred]: a later run of X's dataflow over X's window (see
 * runWindows.ts) — a retry, or an on-demand run over the same window, which copies the same rows. A
 * run that has one is not retried again: the first of them is returned, found before anything is
 * sent; and a retry whose answer was lost is looked for the same way, never sent again blindly.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { FieldError, readId } from '../../helpers/validation';
import type { FlowServiceClient } from '../../transport';
import type { ItemContext } from '../shared/operation';
import { forOperation } from '../shared/operation';
import { fieldError, validated } from '../shared/fieldErrors';
import { createdTime } from '../shared/createOnce';
import { fetchRun, isFailure, isFinished, runIdProperty, runOutput, statusOf } from '../shared/runs';
import { runsOfFlow, sameWindow, windowOf, windowOutput } from '../shared/runWindows';

export const option = { name: 'Retry', value: 'retry', action: 'Retry a run', description: 'Re-trigger a failed run, by its run ID: a new run over the same window, or the retry already made; returns the new run ID and its dataflow ID' };

export const description = forOperation('run', 'retry', [{ ...runIdProperty, description: 'The run to retry: one that failed, or that succeeded having ingested no record' }]);

/** Why the Platform would not re-trigger the run (1387-400), or undefined when it would. */
function notRetriable(run: IDataObject): string | undefined {
	const status = statusOf(run);
	const output = runOutput(run);
	if (!isFinished(status)) return `is still ${String(status ?? 'running')}: only a run that has ended can be retried`;
	if (isFailure(status) || output.outputRecordCount === 0 || output.outputRecordCount === null) return undefined;
	return `${String(status)} and ingested ${String(output.outputRecordCount)} records: only a run that failed, or succeeded having ingested none, can be retried`;
}

/** The runs that retried `run`: later runs of its dataflow over its window, oldest first. */
async function retriesOf(client: FlowServiceClient, run: IDataObject, itemIndex: number): Promise<IDataObject[]> {
	const window = windowOf(run);
	if (!window) return [];
	const later = await runsOfFlow(client, String(run.flowId), itemIndex, createdTime(run));
	return later.filter((other) => other.id !== run.id && createdTime(other) > createdTime(run) && sameWindow(windowOf(other), window));
}

/** Finds the run's retry or makes one: the run it is, and whether this call made it (and found it after a lost answer). */
async function retryOnce(client: FlowServiceClient, id: string, original: IDataObject, itemIndex: number): Promise<{ run: IDataObject; retried: boolean; recovered: boolean }> {
	const [existing] = await retriesOf(client, original, itemIndex);
	if (existing) return { run: existing, retried: false, recovered: false };
	const { body, recovered } = await client.request<IDataObject & { items?: IDataObject[] }>({
		method: 'POST',
		path: `/runs/${encodeURIComponent(id)}/action`,
		qs: { op: 're-trigger' },
		// As the tutorial sends it, with no body.
		headers: { 'Content-Type': 'application/json' },
		idempotent: false,
		recovery: { lookup: async () => (await retriesOf(client, original, itemIndex))[0] },
		itemIndex,
	});
	// The tutorial answers {id, etag}; the OpenAPI the new run; a recovery the run it found.
	const newId = body?.id ?? body?.items?.[0]?.id;
	if (typeof newId !== 'string') throw new Error(`The Platform answered the retry of run ${id} without the new run's id`);
	return { run: await fetchRun(client, newId, itemIndex), retried: true, recovered };
}

export async function execute(this: IExecuteFunctions, { itemIndex, client, made }: ItemContext): Promise<IDataObject[]> {
	const id = validated(this, itemIndex, () => readId('Run ID', this.getNodeParameter('runId', itemIndex, '')));
	const original = await fetchRun(client, id, itemIndex);
	const why = notRetriable(original);
	if (why) {
		const hint = isFinished(statusOf(original))
			? 'To copy its window again, start a run over it with Dataflow → Run Now (a dataflow scheduled Once)'
			: 'Wait for it to end with Run → Wait for Run, then retry it if it failed';
		throw fieldError(this, new FieldError('Run ID', `(${id}) ${why}`, hint), itemIndex);
	}
	// Items of one execution that retry the same run share one retry: the first makes it, the others get it as already made.
	const key = `run.retry ${id}`;
	const earlier = made?.get(key) as ReturnType<typeof retryOnce> | undefined;
	const outcome = earlier ? earlier.then(({ run }) => ({ run, retried: false, recovered: false })) : retryOnce(client, id, original, itemIndex);
	if (!earlier) made?.set(key, outcome);
	const { run, retried, recovered } = await outcome;
	return [
		{
			...runOutput(run),
			retriedRunId: id,
			...windowOutput(windowOf(run) ?? windowOf(original)),
			retried,
			alreadyRetried: !retried,
			recoveredAfterLostAnswer: recovered,
		},
	];
}
