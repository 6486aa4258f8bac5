/**
 * What a PATCH of a dataflow may change, and a dataflow's `options`.
 *
 * Paths, from Adobe's pages: `/name` and `/description` and `/scheduleParams/frequency`
 * (help/sources/tutorials/api/update-dataflows.md), `/transformations/{index}` with a Mapping (the same
 * page), `/options` and `/options/errorDiagnosticsEnabled` (help/ingestion/batch-ingestion/partial.md).
 * The other schedule members and `/options/{any key}` are inferred: the catalog's own paths read the same way.
 *
 * Options, from the flow spec's `optionSpec` (help/sources/tutorials/api/draft.md, the OpenAPI's
 * example): `errorDiagnosticsEnabled` a boolean (default false), `partialIngestionPercent` a number
 * greater than 0. The partial-ingestion page PATCHes the percent as the string "10" and reads it back
 * as the number 10: a numeric string is taken and kept as a number. Keys the emulator does not know
 * are kept as sent (Adobe's flows show `isSampleDataflow`, `inletUrl`). A flow made without options
 * reads back without them (inferred: no Adobe example shows a flow's defaults filled in).
 */
import { flowError } from '../errors';
import type { HttpError } from '../errors';
import type { PatchablePath, PatchRules } from '../patch';

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

export const FLOW_PATCH_PATHS: PatchablePath[] = [
	{ pattern: /^\/name$/, removable: false, accepts: (value) => typeof value === 'string' && value.trim() !== '' },
	{ pattern: /^\/description$/, removable: true, accepts: (value) => typeof value === 'string' },
	{ pattern: /^\/scheduleParams\/(startTime|frequency|interval|backfill)$/, removable: true, accepts: isScalar },
	{ pattern: /^\/transformations\/(\d+|-)$/, removable: true, accepts: (value) => isObject(value) && typeof (value as { name?: unknown }).name === 'string' },
	{ pattern: /^\/options$/, removable: true, accepts: isObject },
	{ pattern: /^\/options\/[^/]+$/, removable: true, accepts: (value) => value !== undefined },
];

/**
 * A `replace` of a transformation must put one of the same kind at its index: a Mapping where the
 * Mapping is. Database dataflows hold Copy at index 0 and Mapping at 1, where Adobe's update page
 * writes `/transformations/0` (its flow is another source's): a Mapping written over Copy is refused
 * here as a bad path (1365-400) rather than taken and the Copy lost (inferred: the page is silent).
 */
export function transformationRules(requestId: string): Pick<PatchRules, 'checkValue'> {
	return {
		checkValue: (path, value, current, op) => {
			if (op !== 'replace' || !/^\/transformations\/\d+$/.test(path)) return undefined;
			const before = (current as { name?: unknown } | undefined)?.name;
			const after = (value as { name?: unknown }).name;
			return before === after
				? undefined
				: flowError('invalidPatchPath', `The path ${path} provided in ops is invalid: it holds the ${String(before)} transformation, not ${String(after)}. Please provide valid path ${path} and try again.`, requestId);
		},
	};
}

const NUMERIC = /^\s*\d+(\.\d+)?\s*$/;

function badOption(key: string, value: unknown, requestId: string): HttpError {
	return flowError('invalidParamValue', `The provided param value ${JSON.stringify(value)} is not a valid input for property=options.${key}. Please provide a valid param value and try again.`, requestId);
}

/** The options as the Platform keeps them, or undefined for none; a value the option spec refuses is 1312-400. */
export function readOptions(raw: unknown, requestId: string): Record<string, unknown> | undefined {
	if (raw === undefined) return undefined;
	if (!isObject(raw)) throw badOption('', raw, requestId);
	const options = { ...(raw as Record<string, unknown>) };
	if ('errorDiagnosticsEnabled' in options) {
		const value = options.errorDiagnosticsEnabled;
		if (value !== true && value !== false && value !== 'true' && value !== 'false') throw badOption('errorDiagnosticsEnabled', value, requestId);
		options.errorDiagnosticsEnabled = value === true || value === 'true';
	}
	if ('partialIngestionPercent' in options) {
		const value = options.partialIngestionPercent;
		const percent = typeof value === 'number' ? value : typeof value === 'string' && NUMERIC.test(value) ? Number(value) : NaN;
		// exclusiveMinimum 0 in the option spec; no maximum is written there.
		if (!Number.isFinite(percent) || percent <= 0) throw badOption('partialIngestionPercent', value, requestId);
		options.partialIngestionPercent = percent;
	}
	return options;
}
