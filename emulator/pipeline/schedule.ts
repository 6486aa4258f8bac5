/**
 * A dataflow's `scheduleParams`, checked as the CRMToAEP flow spec's `scheduleSpec` JSON Schema and
 * the sources error catalog say: startTime (epoch seconds) and frequency required; interval required
 * unless once (minute ≥ 15, others ≥ 1) and, with backfill, forbidden with once. Adobe's examples send
 * every value as a string and the flow spec types them as integer and boolean: both are accepted.
 */
import { flowError } from '../errors';

export type Frequency = 'once' | 'minute' | 'hour' | 'day' | 'week';

export interface Schedule {
	startTime: number;
	frequency: Frequency;
	interval?: number;
	backfill: boolean;
}

export const PERIOD_SECONDS: Record<Exclude<Frequency, 'once'>, number> = { minute: 60, hour: 3600, day: 86400, week: 604800 };

const asInteger = (value: unknown) => (typeof value === 'number' || (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) ? Number(value) : NaN);

export function readSchedule(raw: unknown, requestId: string): Schedule {
	if (!raw || typeof raw !== 'object' || Object.keys(raw).length === 0) {
		throw flowError('emptySchedule', 'The provided schedule params are empty but should not be empty. Please provide valid schedule params and try again.', requestId);
	}
	const params = raw as Record<string, unknown>;
	const frequency = String(params.frequency ?? '');
	if (!['once', 'minute', 'hour', 'day', 'week'].includes(frequency)) {
		throw flowError('badFrequency', `The provided frequency : ${frequency} is invalid. Please provide a valid frequency and try again.`, requestId);
	}
	const startTime = asInteger(params.startTime);
	if (!Number.isInteger(startTime) || startTime < 0) {
		throw flowError('invalidParamValue', `The provided param value ${String(params.startTime)} is not a valid input for property=scheduleParams.startTime. Please provide a valid param value and try again.`, requestId);
	}
	if (frequency === 'once') {
		if (params.interval !== undefined) throw flowError('intervalWithOnce', 'Interval is not allowed with one time ingestion. Please remove interval or change frequency and then try again.', requestId);
		if (params.backfill !== undefined) throw flowError('backfillWithOnce', 'The backfill flag is not allowed when frequency is set to one. Please remove the backfill flag when frequency is set to once and try again.', requestId);
		return { startTime, frequency, backfill: false };
	}
	const interval = asInteger(params.interval);
	if (!Number.isInteger(interval)) {
		throw flowError('intervalNotAllowed', `Interval ${String(params.interval)} is not allowed with frequency: ${frequency}. Please provide a valid interval value and try again.`, requestId);
	}
	const minimum = frequency === 'minute' ? 15 : 1;
	if (interval < minimum) throw flowError('intervalTooSmall', `Interval cannot be less than ${minimum}. Please provide a valid interval value and try again.`, requestId);
	const backfill = params.backfill === undefined ? true : params.backfill === true || params.backfill === 'true';
	if (params.backfill !== undefined && ![true, false, 'true', 'false'].includes(params.backfill as never)) {
		throw flowError('invalidParamValue', `The provided param value ${String(params.backfill)} is not a valid input for property=scheduleParams.backfill. Please provide a valid param value and try again.`, requestId);
	}
	return { startTime, frequency: frequency as Frequency, interval, backfill };
}

/** As Adobe's GET examples show a schedule: every value a string. */
export function scheduleParams(schedule: Schedule): Record<string, string> {
	const out: Record<string, string> = { startTime: String(schedule.startTime), frequency: schedule.frequency };
	if (schedule.interval !== undefined) out.interval = String(schedule.interval);
	if (schedule.frequency !== 'once') out.backfill = String(schedule.backfill);
	return out;
}

/** The times (epoch seconds) at which a scheduled dataflow has been due to run, up to `now`, at most `max`. */
export function dueTimes(schedule: Schedule, nowSeconds: number, max: number): number[] {
	if (schedule.startTime > nowSeconds) return [];
	if (schedule.frequency === 'once') return [schedule.startTime];
	const period = PERIOD_SECONDS[schedule.frequency] * (schedule.interval ?? 1);
	const count = Math.min(max, Math.floor((nowSeconds - schedule.startTime) / period) + 1);
	return Array.from({ length: count }, (_, k) => schedule.startTime + k * period);
}
