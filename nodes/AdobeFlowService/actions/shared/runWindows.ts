/**
 * The window of data a run copied, in epoch seconds, read from what the Platform's run objects carry:
 * - `params.windowStartTime` / `windowEndTime`, what an on-demand run was asked for, on the run as
 *   the ad hoc run page shows it (help/sources/tutorials/api/create-flow-runs.md: strings of epoch
 *   seconds; the OpenAPI calls them milliseconds, so a 13-digit value is read as such);
 * - else the copy activity's `durationSummary.extensions.windowStart` / `windowEnd`, in epoch
 *   milliseconds, once the run has copied (help/dataflows/api/monitor.md).
 * Neither is documented for a run made by re-triggering; that it carries its original's window in
 * `params`, as the retry tutorial's "range of the original run" suggests, is inferred.
 */
import type { IDataObject } from 'n8n-workflow';

import type { FlowServiceClient } from '../../transport';

export interface RunWindow {
	start: number;
	end: number;
}

function epoch(value: unknown): number | undefined {
	const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
	return Number.isFinite(n) ? n : undefined;
}

/** Seconds, from a value in seconds or (13 digits and more) milliseconds. */
const seconds = (value: unknown) => {
	const n = epoch(value);
	return n === undefined ? undefined : n >= 1e11 ? Math.floor(n / 1000) : n;
};

const isCopyActivity = (activity: IDataObject) => /copy/i.test(`${String(activity.id)} ${String(activity.name ?? '')}`);

export function windowOf(run: IDataObject): RunWindow | undefined {
	const params = (run.params ?? {}) as IDataObject;
	const start = seconds(params.windowStartTime);
	const end = seconds(params.windowEndTime);
	if (start !== undefined && end !== undefined) return { start, end };
	const activities = Array.isArray(run.activities) ? (run.activities as IDataObject[]) : [];
	const copy = activities.find(isCopyActivity);
	const extensions = ((copy?.durationSummary as IDataObject | undefined)?.extensions ?? {}) as IDataObject;
	const from = epoch(extensions.windowStart);
	const to = epoch(extensions.windowEnd);
	return from !== undefined && to !== undefined ? { start: Math.floor(from / 1000), end: Math.floor(to / 1000) } : undefined;
}

export function sameWindow(a: RunWindow | undefined, b: RunWindow | undefined): boolean {
	return a !== undefined && b !== undefined && a.start === b.start && a.end === b.end;
}

/** A window as the output shows it: ISO 8601 times, null where unknown. */
export function windowOutput(window: RunWindow | undefined): { windowStart: string | null; windowEnd: string | null } {
	const iso = (s: number) => new Date(s * 1000).toISOString();
	return { windowStart: window ? iso(window.start) : null, windowEnd: window ? iso(window.end) : null };
}

/** Every run of the dataflow, oldest first, or only those created after `after` (epoch ms). */
export async function runsOfFlow(client: FlowServiceClient, flowId: string, itemIndex: number, after?: number): Promise<IDataObject[]> {
	const property = [`flowId==${flowId}`];
	// The error catalog names createdAt as a field runs are filtered by (1452-400, 1453-400).
	if (after !== undefined) property.push(`createdAt>${after}`);
	return await client.getPaged<IDataObject>('/runs', { property, orderby: '+createdAt' }, { itemIndex });
}
