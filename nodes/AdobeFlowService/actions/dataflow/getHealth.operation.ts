/**
 * Dataflow → Get Health: how a dataflow's runs went over the last days, one item per dataflow (one,
 * or every dataflow of the sandbox). Flow Service has no health endpoint: the runs of the period are
 * read (`GET /runs` from the period's start; every page) and counted here, statuses compared as
 * runEvents.ts does. Programmatic, not declarative: two lists, grouped and aggregated.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readPositiveInteger } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { forOperation } from '../shared/operation';
import { validated } from '../shared/fieldErrors';
import { DATAFLOW, entityLocator, fetchEntity, readEntityId } from '../shared/flowObjects';
import { failedRecordsOf, runEvent, startedAtOf } from '../shared/runEvents';
import { runOutput } from '../shared/runs';

const DAY_MS = 86_400_000;
/** Most error codes listed per dataflow. */
const TOP_ERRORS = 5;

export const option = { name: 'Get Health', value: 'getHealth', action: 'Get the health of dataflows', description: 'Sum up the recent runs of dataflows, by their IDs; returns per dataflow the runs, failures, records read, written and failed, and the top errors' };
export const readsOnly = true;

export const description = forOperation('dataflow', 'getHealth', [
	{
		displayName: 'Dataflows',
		name: 'healthOf',
		type: 'options',
		options: [
			{ name: 'One Dataflow', value: 'one' },
			{ name: 'All Dataflows', value: 'all', description: 'Every dataflow of the sandbox, one item each' },
		],
		default: 'one',
	},
	{ ...entityLocator(DATAFLOW, 'The dataflow whose health to get'), displayOptions: { show: { healthOf: ['one'] } } },
	{
		displayName: 'Days',
		name: 'days',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 7,
		description: 'How many days back to look: runs that started in this period count',
	},
]);

const number = (value: unknown) => (typeof value === 'number' && value > 0 ? value : 0);

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The health of one dataflow from its runs of the period (any order). */
export function health(flow: IDataObject, runs: IDataObject[], days: number, since: number): IDataObject {
	const newestFirst = [...runs].sort((a, b) => (startedAtOf(b) ?? 0) - (startedAtOf(a) ?? 0));
	const events = newestFirst.map(runEvent);
	const succeeded = events.filter((e) => e === 'runSucceeded' || e === 'runSucceededWithFailedRecords').length;
	const failed = events.filter((e) => e === 'runFailed').length;
	const records = (run: IDataObject, key: string) => number((((run.metrics ?? {}) as IDataObject).recordSummary as IDataObject | undefined)?.[key]);
	const durations = newestFirst.map((run) => runOutput(run).durationSeconds).filter((d): d is number => typeof d === 'number');

	const errors = new Map<string, { code: string; count: number; latestMessage: string | null }>();
	for (const run of newestFirst) {
		const status = (((run.metrics ?? {}) as IDataObject).statusSummary ?? {}) as IDataObject;
		for (const error of (Array.isArray(status.errors) ? status.errors : []) as IDataObject[]) {
			const code = String(error.code ?? 'unknown');
			const seen = errors.get(code) ?? { code, count: 0, latestMessage: typeof error.message === 'string' ? error.message : null };
			seen.count++;
			errors.set(code, seen);
		}
	}
	const topErrors = [...errors.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)).slice(0, TOP_ERRORS);

	const recordsFailed = newestFirst.reduce((sum, run) => sum + failedRecordsOf(run), 0);
	const finished = newestFirst.filter((_, i) => events[i] !== null);
	const last = finished[0];
	const lastGood = newestFirst.find((_, i) => events[i] === 'runSucceeded');
	let healthy: boolean | null;
	let healthRule: string;
	if (!last) {
		healthy = null;
		healthRule = `no run finished in the last ${days} days: nothing to judge`;
	} else {
		const lastOk = runEvent(last) !== 'runFailed';
		healthy = lastOk && recordsFailed === 0;
		healthRule = `healthy when the last run succeeded and no record failed in the last ${days} days: the last run ${lastOk ? 'succeeded' : 'failed'}, ${recordsFailed} records failed`;
	}
	return {
		dataflowId: String(flow.id),
		dataflowName: typeof flow.name === 'string' ? flow.name : null,
		state: typeof flow.state === 'string' ? flow.state : null,
		days,
		since: new Date(since).toISOString(),
		runs: runs.length,
		succeeded,
		failed,
		succeededWithFailedRecords: events.filter((e) => e === 'runSucceededWithFailedRecords').length,
		inProgress: events.filter((e) => e === null).length,
		successRate: succeeded + failed > 0 ? Math.round((succeeded / (succeeded + failed)) * 10_000) / 10_000 : null,
		recordsRead: newestFirst.reduce((sum, run) => sum + records(run, 'inputRecordCount'), 0),
		recordsWritten: newestFirst.reduce((sum, run) => sum + records(run, 'outputRecordCount'), 0),
		recordsFailed,
		medianDurationSeconds: median(durations),
		longestDurationSeconds: durations.length > 0 ? Math.max(...durations) : null,
		topErrors,
		lastRun: last ? runOutput(last) : null,
		lastGoodRun: lastGood ? runOutput(lastGood) : null,
		healthy,
		healthRule,
	};
}

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const which = this.getNodeParameter('healthOf', itemIndex, 'one') as string;
	const days = validated(this, itemIndex, () => readPositiveInteger('Days', this.getNodeParameter('days', itemIndex, 7)));
	const since = Date.now() - days * DAY_MS;
	const started = `metrics.durationSummary.startedAtUTC>=${since}`;
	if (which === 'all') {
		const [flows, runs] = await Promise.all([
			client.getPaged<IDataObject>('/flows', {}, { itemIndex }),
			client.getPaged<IDataObject>('/runs', { property: [started] }, { itemIndex }),
		]);
		const byFlow = new Map<string, IDataObject[]>();
		for (const run of runs) byFlow.set(String(run.flowId), [...(byFlow.get(String(run.flowId)) ?? []), run]);
		return flows.map((flow) => health(flow, byFlow.get(String(flow.id)) ?? [], days, since));
	}
	const flowId = readEntityId(this, itemIndex, DATAFLOW);
	const [flow, runs] = await Promise.all([
		fetchEntity(client, DATAFLOW, flowId, itemIndex),
		client.getPaged<IDataObject>('/runs', { property: [started, `flowId==${flowId}`] }, { itemIndex }),
	]);
	return [health(flow, runs, days, since)];
}
