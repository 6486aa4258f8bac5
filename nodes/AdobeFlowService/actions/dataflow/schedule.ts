/**
 * A dataflow's schedule, as the CRMToAEP flow spec's `scheduleSpec` allows it: a start time (epoch
 * seconds), a frequency (once, minute, hour, day, week), an interval (at least 15 for minute, 1
 * otherwise; none for once) and backfill (none for once). Sent as the flow spec types them —
 * integer and boolean — where Adobe's examples write strings (the Platform reads both).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError, readText } from '../../helpers/validation';
import { validated } from '../shared/fieldErrors';

export type Frequency = 'once' | 'minute' | 'hour' | 'day' | 'week';

export const frequencyProperty: INodeProperties = {
	displayName: 'Frequency',
	name: 'frequency',
	type: 'options',
	options: [
		{ name: 'Day', value: 'day' },
		{ name: 'Hour', value: 'hour' },
		{ name: 'Minute', value: 'minute' },
		{ name: 'Once', value: 'once', description: 'One run at the start time; more only with Run Now' },
		{ name: 'Week', value: 'week' },
	],
	default: 'day',
	description: 'How often the dataflow runs',
	hint: 'Only a dataflow scheduled Once can be started with Run Now; the others run on their schedule',
};

export const intervalProperty: INodeProperties = {
	displayName: 'Interval',
	name: 'interval',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 1,
	description: 'Runs every this many of the frequency (at least 15 for Minute), e.g. 1 with Day for nightly',
};

/**
 * The column a dataflow copies by: From List (the columns of its table, see `searchColumns`) or By
 * Name. A workflow saved while it was a text field holds a plain string, which reads the same.
 */
export function incrementalColumnLocator(extra: Pick<INodeProperties, 'description' | 'hint' | 'required' | 'displayOptions'>): INodeProperties {
	return {
		displayName: 'Incremental Column',
		name: 'incrementalColumn',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...extra,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a column...',
				typeOptions: { searchListMethod: 'searchColumns', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. updated_at',
			},
		],
	};
}

/** The Incremental Column's name, '' when none is given. */
export function readIncrementalColumn(context: IExecuteFunctions, itemIndex: number): string {
	return validated(context, itemIndex, () => readText('Incremental Column', context.getNodeParameter('incrementalColumn', itemIndex, '', { extractValue: true }), { required: false }));
}

export function scheduleProperties(): INodeProperties[] {
	const notOnce = { show: { frequency: ['minute', 'hour', 'day', 'week'] } };
	return [
		frequencyProperty,
		{ ...intervalProperty, displayOptions: notOnce },
		{
			displayName: 'Start Time',
			name: 'startTime',
			type: 'dateTime',
			default: '',
			description: 'When the first run starts; empty for now',
			hint: 'The next runs follow every Interval after it, so its time of day is when a daily dataflow runs: tonight at 02:00 for nightly runs at 02:00. It cannot be changed once it has passed.',
		},
		{
			displayName: 'Backfill',
			name: 'backfill',
			type: 'boolean',
			default: true,
			description: 'Whether the first run copies every row already in the table, not only those changed since the start time',
			displayOptions: notOnce,
		},
		incrementalColumnLocator({
			required: true,
			description: 'The column each run copies by: the rows whose time in it is later than at the run before',
			hint: 'A column the database sets to the time each row was added or last changed, e.g. updated_at (yyyy-MM-dd HH:mm:ss, in UTC). From List shows the columns of the source connection\'s table.',
			displayOptions: notOnce,
		}),
	];
}

export function readInterval(frequency: Frequency, value: unknown): number {
	const minimum = frequency === 'minute' ? 15 : 1;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
		throw new FieldError('Interval', `must be a whole number of at least ${minimum} for ${frequency}`, frequency === 'minute' ? 'The Platform runs a dataflow at most every 15 minutes' : undefined);
	}
	return value;
}

/** Epoch seconds of a dateTime parameter; now when empty. */
export function readTime(field: string, value: unknown, fallback = Date.now()): number {
	if (value === undefined || value === null || value === '') return Math.floor(fallback / 1000);
	const ms = typeof value === 'number' ? value : Date.parse(String(value));
	if (!Number.isFinite(ms)) throw new FieldError(field, 'is not a date and time', 'Write it as an ISO date, e.g. 2026-01-31T02:00:00Z');
	return Math.floor(ms / 1000);
}

/** The `scheduleParams` and the Copy transformation's delta column of a new dataflow. */
export function readSchedule(context: IExecuteFunctions, itemIndex: number): { scheduleParams: IDataObject; deltaColumn?: string } {
	return validated(context, itemIndex, () => {
		const frequency = context.getNodeParameter('frequency', itemIndex, 'day') as Frequency;
		if (!['once', 'minute', 'hour', 'day', 'week'].includes(frequency)) throw new FieldError('Frequency', 'must be once, minute, hour, day or week');
		const startTime = readTime('Start Time', context.getNodeParameter('startTime', itemIndex, ''));
		if (frequency === 'once') return { scheduleParams: { startTime, frequency } };
		const interval = readInterval(frequency, context.getNodeParameter('interval', itemIndex, 1));
		const column = readText('Incremental Column', context.getNodeParameter('incrementalColumn', itemIndex, '', { extractValue: true }), { required: false });
		if (column === '') {
			throw new FieldError('Incremental Column', 'is required for a dataflow that runs more than once', 'Pick a column with the time each row last changed, e.g. updated_at');
		}
		const backfill = context.getNodeParameter('backfill', itemIndex, true) as boolean;
		return { scheduleParams: { startTime, frequency, interval, backfill }, deltaColumn: column };
	});
}
