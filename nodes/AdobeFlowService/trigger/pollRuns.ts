/**
 * The Adobe Flow Service Trigger's poll: the runs that finished since the last poll, one item each.
 *
 * Runs change status after they appear, so a start-time watermark alone would miss a run that was
 * still going when it was passed. The node's static data keeps, between polls:
 * - `watermark`: the latest `startedAtUTC` seen (epoch ms); each poll asks for runs started at or after it;
 * - `idsAtWatermark`: the runs seen that started at exactly that instant, so that runs sharing a start
 *   time are neither emitted twice (the `>=` returns them again) nor lost (a strict `>` would skip them);
 * - `pending`: runs seen still in progress (id → start), read again by id until they finish, then
 *   emitted once, however far the watermark has moved past them;
 * - `scope`: the dataflows polled; when the user changes them, the next poll starts afresh.
 * The first poll only sets these and emits nothing: activating a workflow does not replay history.
 */
import type { IDataObject, INode, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isUuid } from '../helpers/validation';
import { DATAFLOW, fetchEntity } from '../actions/shared/flowObjects';
import type { RunEvent } from '../actions/shared/runEvents';
import { isChosen, runEvent, startedAtOf } from '../actions/shared/runEvents';
import { runOutput } from '../actions/shared/runs';
import { credentialTypeFor, FlowServiceClient, FlowServiceError } from '../transport';

/** Most in-progress runs remembered; beyond it the oldest are forgotten (a run stuck for weeks should not grow the state forever). */
const MAX_PENDING = 500;
/** How many recent runs the editor's "Fetch Test Event" looks through for one that matches. */
const SAMPLE_LOOKBACK = 100;

interface PollState {
	watermark?: number;
	idsAtWatermark?: string[];
	pending?: Record<string, number>;
	scope?: string;
}

/** The dataflows to poll: null for all of them. */
export function readScope(context: IPollFunctions): string[] | null {
	const which = context.getNodeParameter('dataflows', 'all') as string;
	if (which === 'all') return null;
	let raw: unknown[];
	if (which === 'ids') {
		raw = String(context.getNodeParameter('dataflowIds', '') ?? '').split(/[\s,;]+/);
	} else {
		const entries = (context.getNodeParameter('chosenDataflows.dataflow', []) ?? []) as Array<{ dataflow?: unknown }>;
		raw = entries.map((entry) => (typeof entry.dataflow === 'object' && entry.dataflow !== null ? (entry.dataflow as IDataObject).value : entry.dataflow));
	}
	const ids = [...new Set(raw.map((value) => (typeof value === 'string' ? value.trim() : '')).filter((value) => value !== ''))];
	const invalid = ids.filter((id) => !isUuid(id));
	if (invalid.length > 0) {
		throw new NodeOperationError(context.getNode(), `Not a dataflow ID: ${invalid.join(', ')}`, { description: 'A dataflow ID looks like 2edc08ac-4df5-4fe6-936f-81a19ce92f5c' });
	}
	if (ids.length === 0) throw new NodeOperationError(context.getNode(), 'No dataflow chosen', { description: 'Pick at least one dataflow, or set Dataflows to All Dataflows' });
	return ids.sort();
}

function clientFor(context: IPollFunctions): FlowServiceClient {
	return new FlowServiceClient(context, credentialTypeFor(context.getNodeParameter('authentication', 'accessToken')));
}

/** Runs started at or after `since`, for each chosen dataflow (or all), every page. */
async function runsSince(client: FlowServiceClient, scope: string[] | null, since: number): Promise<IDataObject[]> {
	const started = `metrics.durationSummary.startedAtUTC>=${since}`;
	const lists = await Promise.all((scope ?? [null]).map(async (flowId) => await client.getPaged<IDataObject>('/runs', { property: flowId ? [started, `flowId==${flowId}`] : [started] })));
	const byId = new Map<string, IDataObject>();
	for (const run of lists.flat()) byId.set(String(run.id), run);
	return [...byId.values()];
}

/** The newest runs, newest first, up to `limit` per dataflow. */
async function newestRuns(client: FlowServiceClient, scope: string[] | null, limit: number): Promise<IDataObject[]> {
	const lists = await Promise.all(
		(scope ?? [null]).map(async (flowId) => await client.getPaged<IDataObject>('/runs', { orderby: '-createdAt', ...(flowId ? { property: [`flowId==${flowId}`] } : {}) }, { limit })),
	);
	return lists.flat().sort((a, b) => (startedAtOf(b) ?? 0) - (startedAtOf(a) ?? 0));
}

/** What was thrown, as an n8n error: the transport's own errors as they are. */
function nodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	return error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(node, error as Error);
}

/** One run by id; undefined when the Platform no longer has it. */
async function readRun(client: FlowServiceClient, node: INode, id: string): Promise<IDataObject | undefined> {
	try {
		const { body } = await client.request<{ items?: IDataObject[] }>({ method: 'GET', path: `/runs/${encodeURIComponent(id)}` });
		return body?.items?.[0];
	} catch (error) {
		if (error instanceof FlowServiceError && error.failure.status === 404) return undefined;
		throw nodeError(node, error);
	}
}

/** The items for these runs, oldest first, each with its dataflow's name (read once per dataflow). */
async function toItems(client: FlowServiceClient, runs: Array<{ run: IDataObject; event: RunEvent }>): Promise<INodeExecutionData[]> {
	const names = new Map<string, Promise<string | null>>();
	const nameOf = async (flowId: string | null) => {
		if (!flowId) return null;
		if (!names.has(flowId)) {
			// A name is a courtesy: a dataflow deleted since its run still gives an item.
			names.set(
				flowId,
				fetchEntity(client, DATAFLOW, flowId).then(
					(flow) => (typeof flow.name === 'string' ? flow.name : null),
					() => null,
				),
			);
		}
		return await names.get(flowId)!;
	};
	const sorted = [...runs].sort((a, b) => (startedAtOf(a.run) ?? 0) - (startedAtOf(b.run) ?? 0));
	return await Promise.all(
		sorted.map(async ({ run, event }) => {
			const output = runOutput(run);
			return { json: { ...output, dataflowName: await nameOf(output.flowId as string | null), event } };
		}),
	);
}

function readEvents(context: IPollFunctions): string[] {
	const events = context.getNodeParameter('events', []) as string[];
	if (!Array.isArray(events) || events.length === 0) throw new NodeOperationError(context.getNode(), 'No event chosen', { description: 'Pick at least one event in Trigger On' });
	return events;
}

/** "Fetch Test Event": the newest finished run that matches, whatever the watermark; the state is left alone. */
async function sample(context: IPollFunctions, client: FlowServiceClient, scope: string[] | null, events: string[]): Promise<INodeExecutionData[][] | null> {
	for (const run of await newestRuns(client, scope, SAMPLE_LOOKBACK)) {
		const event = runEvent(run);
		if (event && isChosen(event, events)) return [await toItems(client, [{ run, event }])];
	}
	return null;
}

/** What one poll found, and the state to keep after it. */
export async function findFinishedRuns(client: FlowServiceClient, node: INode, scope: string[] | null, events: string[], previous: PollState): Promise<{ found: Array<{ run: IDataObject; event: RunEvent }>; state: PollState }> {
	const scopeKey = scope === null ? 'all' : scope.join(',');
	const first = typeof previous.watermark !== 'number' || previous.scope !== scopeKey;
	let watermark: number;
	let atWatermark: Set<string>;
	let pending: Map<string, number>;
	if (first) {
		const newest = await newestRuns(client, scope, 1);
		watermark = Math.max(0, ...newest.map((run) => startedAtOf(run) ?? 0));
		atWatermark = new Set();
		pending = new Map();
	} else {
		watermark = previous.watermark!;
		atWatermark = new Set(previous.idsAtWatermark ?? []);
		pending = new Map(Object.entries(previous.pending ?? {}));
	}

	const listed = await runsSince(client, scope, watermark);
	const listedIds = new Set(listed.map((run) => String(run.id)));
	// Runs seen in progress that started before the watermark: the listing no longer returns them.
	const reread = await Promise.all([...pending.keys()].filter((id) => !listedIds.has(id)).map(async (id) => ({ id, run: await readRun(client, node, id) })));
	for (const { id, run } of reread) if (!run) pending.delete(id);

	const found: Array<{ run: IDataObject; event: RunEvent }> = [];
	let nextWatermark = watermark;
	for (const run of [...listed, ...reread.flatMap((r) => (r.run ? [r.run] : []))]) {
		const id = String(run.id);
		const started = startedAtOf(run);
		const wasPending = pending.has(id);
		if (!wasPending) {
			// Not started yet, or already dealt with at the watermark's instant.
			if (started === null || started < watermark || (started === watermark && atWatermark.has(id))) continue;
		}
		if (started !== null && started > nextWatermark) nextWatermark = started;
		const event = runEvent(run);
		if (event === null) {
			pending.set(id, started ?? watermark);
			continue;
		}
		pending.delete(id);
		if (!first && isChosen(event, events)) found.push({ run, event });
	}

	const nextAtWatermark = new Set(nextWatermark === watermark ? atWatermark : []);
	for (const run of listed) if (startedAtOf(run) === nextWatermark) nextAtWatermark.add(String(run.id));
	const keptPending = [...pending.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_PENDING);
	return {
		found,
		state: { watermark: nextWatermark, idsAtWatermark: [...nextAtWatermark].sort(), pending: Object.fromEntries(keptPending), scope: scopeKey },
	};
}

export async function pollRuns(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const staticData = this.getWorkflowStaticData('node') as PollState;
	const manual = this.getMode() === 'manual';
	const established = typeof staticData.watermark === 'number';
	const scope = readScope(this);
	const events = readEvents(this);
	const client = clientFor(this);
	try {
		if (manual) return await sample(this, client, scope, events);
		const { found, state } = await findFinishedRuns(client, this.getNode(), scope, events, staticData);
		const items = await toItems(client, found);
		// Written only after everything was read: a poll that fails leaves the state as it was, and the next one tries again.
		staticData.watermark = state.watermark;
		staticData.idsAtWatermark = state.idsAtWatermark;
		staticData.pending = state.pending;
		staticData.scope = state.scope;
		return items.length > 0 ? [items] : null;
	} catch (error) {
		const status = error instanceof FlowServiceError ? error.failure.status : undefined;
		if (status === 401 || status === 403) {
			throw new NodeOperationError(this.getNode(), `The Platform refused the credential (HTTP ${status}): ${(error as Error).message}`, {
				description: 'Check the credential of the Adobe Flow Service Trigger: its token, API key (Client ID), organization and sandbox. Polling stops until it is fixed.',
			});
		}
		// Before the first watermark, or when a user asked for a sample, say what went wrong at once.
		if (manual || !established) throw nodeError(this.getNode(), error);
		this.logger.warn(`Adobe Flow Service Trigger: polling runs failed; the next poll tries again. ${(error as Error).message}`, { node: this.getNode().name });
		return null;
	}
}
