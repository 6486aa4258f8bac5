/**
 * A dataflow's ingestion options — error diagnostics and partial ingestion — as Create and Update
 * ask for them, and as the Platform keeps them: a top-level `options` object of the flow,
 * `{ errorDiagnosticsEnabled: boolean, partialIngestionPercent: number > 0 }`
 * (help/ingestion/batch-ingestion/partial.md). The flow may hold other keys there
 * (`isSampleDataflow`, `inletUrl`), and `add /options` replaces the whole object: a change is always
 * merged into the options the flow has now, then written whole.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../helpers/validation';
import type { Changes } from '../shared/createOnce';
import { flowOptions } from '../shared/flowObjects';

/** Adobe's UI sets 5 % when partial ingestion is turned on. */
export const DEFAULT_THRESHOLD = 5;

/**
 * What to set: `undefined` leaves an option as the flow has it. A percent of `null` turns partial
 * ingestion off; `'on'` turns it on at the percent the flow has, else at the default.
 */
export interface WantedOptions {
	errorDiagnostics?: boolean;
	partialIngestionPercent?: number | null | 'on';
}

const diagnosticsDescription =
	'Whether the Platform keeps the rows each run rejects, with the reason, for 30 days (Data Access diagnostics), so that Run → Explain Failure can show them';
const partialDescription = 'Whether a run that meets bad rows still writes the good ones, as long as the bad ones stay under the threshold';
const thresholdDescription = 'The share of bad rows (more than 0, at most 100) above which the run fails; under it, the good rows are written';

export const errorDiagnosticsProperty: INodeProperties = {
	displayName: 'Error Diagnostics',
	name: 'errorDiagnostics',
	type: 'boolean',
	default: true,
	description: diagnosticsDescription,
};

export const partialIngestionProperty: INodeProperties = {
	displayName: 'Partial Ingestion',
	name: 'partialIngestion',
	type: 'boolean',
	default: false,
	description: partialDescription,
};

export const thresholdProperty: INodeProperties = {
	displayName: 'Partial Ingestion Threshold (%)',
	name: 'partialIngestionThreshold',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
	default: DEFAULT_THRESHOLD,
	description: thresholdDescription,
};

/** Create's fields: as Adobe's UI, Error Diagnostics is shown only with Partial Ingestion off (on, it is always on). */
export function createOptionProperties(): INodeProperties[] {
	return [
		partialIngestionProperty,
		{ ...errorDiagnosticsProperty, displayOptions: { show: { partialIngestion: [false] } } },
		{ ...thresholdProperty, displayOptions: { show: { partialIngestion: [true] } } },
	];
}

export function readThreshold(value: unknown): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 100) {
		throw new FieldError('Partial Ingestion Threshold (%)', 'must be more than 0 and at most 100', 'Give the share of bad rows a run may have, e.g. 5');
	}
	return value;
}

/** Create's options: diagnostics on unless turned off, and the threshold with partial ingestion on. */
export function readCreateOptions(partialIngestion: boolean, errorDiagnostics: boolean, threshold: unknown): WantedOptions {
	if (!partialIngestion) return { errorDiagnostics, partialIngestionPercent: null };
	return { errorDiagnostics: true, partialIngestionPercent: readThreshold(threshold) };
}

/**
 * Update's options, from the fields given (each may be absent): turning partial ingestion on (or giving
 * a threshold) turns error diagnostics on with it, as Adobe's UI does; turned on without a threshold,
 * it keeps the percent the flow has.
 */
export function readUpdateOptions(fields: { errorDiagnostics?: unknown; partialIngestion?: unknown; partialIngestionThreshold?: unknown }): WantedOptions {
	const wanted: WantedOptions = {};
	if (typeof fields.errorDiagnostics === 'boolean') wanted.errorDiagnostics = fields.errorDiagnostics;
	const threshold = fields.partialIngestionThreshold === undefined ? undefined : readThreshold(fields.partialIngestionThreshold);
	if (fields.partialIngestion === false) {
		if (threshold !== undefined) throw new FieldError('Partial Ingestion Threshold (%)', 'cannot be set with Partial Ingestion off', 'Remove the threshold, or turn Partial Ingestion on');
		wanted.partialIngestionPercent = null;
	} else if (fields.partialIngestion === true || threshold !== undefined) {
		if (wanted.errorDiagnostics === false) {
			throw new FieldError('Error Diagnostics', 'cannot be off with Partial Ingestion on', 'The Platform keeps the rejected rows of a partial ingestion: remove Error Diagnostics, or turn it on');
		}
		wanted.errorDiagnostics = true;
		wanted.partialIngestionPercent = threshold ?? 'on';
	}
	return wanted;
}

/** The options as sent in a create body. */
export function optionsBody(wanted: WantedOptions): IDataObject {
	return {
		errorDiagnosticsEnabled: wanted.errorDiagnostics === true,
		...(typeof wanted.partialIngestionPercent === 'number' ? { partialIngestionPercent: wanted.partialIngestionPercent } : {}),
	};
}

/** The patch that brings the flow's options to what is wanted: one `add /options` of the merged object, or none. */
export function optionsChange(flow: IDataObject, wanted: WantedOptions): Changes {
	const current = flowOptions(flow);
	const merged: IDataObject = { ...((flow.options ?? {}) as IDataObject) };
	const changes: string[] = [];
	if (wanted.errorDiagnostics !== undefined && wanted.errorDiagnostics !== current.errorDiagnostics) {
		merged.errorDiagnosticsEnabled = wanted.errorDiagnostics;
		changes.push('error diagnostics');
	}
	if (wanted.partialIngestionPercent === null && current.partialIngestionPercent !== null) {
		delete merged.partialIngestionPercent;
		changes.push('partial ingestion');
	} else if (wanted.partialIngestionPercent !== undefined && wanted.partialIngestionPercent !== null) {
		const percent = wanted.partialIngestionPercent === 'on' ? (current.partialIngestionPercent ?? DEFAULT_THRESHOLD) : wanted.partialIngestionPercent;
		if (percent !== current.partialIngestionPercent) {
			merged.partialIngestionPercent = percent;
			changes.push('partial ingestion');
		}
	}
	return changes.length === 0 ? { ops: [], changes } : { ops: [{ op: 'add', path: '/options', value: merged }], changes };
}
