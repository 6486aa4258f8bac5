/**
 * The batch each run writes, and its error diagnostics: Catalog's `GET /batches/{id}` and the Data
 * Access API (`/data/foundation/export`): `GET /batches/{id}/meta?path=row_errors` (a listing),
 * `?path=row_errors/<file>` (JSON Lines), `?path=row_error_samples.json`, and
 * `GET /batches/{id}/failed[?path=<file>]`. Written from help/ingestion/quality/error-diagnostics.md
 * (@014142a), help/ingestion/quality/retrieve-failed-batches.md (@271a9ad) and the Data Access
 * OpenAPI (static/swagger-specs/data-access.yaml).
 *
 * Row diagnostics exist only when the dataflow's `options.errorDiagnosticsEnabled` is true; otherwise
 * the batch's error is INGEST-1211-400 and `/meta?path=row_errors` is the OpenAPI's 404 "path is not
 * found". Diagnostics are kept 30 days (the page's "up to 30 days"): then `/meta` and `/failed` are
 * 404 too (inferred: Adobe does not say what an expired path answers).
 *
 * Inferred, where Adobe is silent: the conversion and validation row files (only a parsing error
 * record is documented: `_corrupt_record`, `_errors[{code, message}]`, `_filename`) are written in
 * the same shape, with the column, the expected and actual type and the value added to each
 * `_errors` member; their codes are bare numbers as in the documented record (`3700` for a value
 * the mapper cannot convert, `1555` for a required field that is null), and Catalog names them in
 * full (`MAPPER-3700-400`, `INGEST-1555-400`). `row_error_samples.json` (undocumented content) holds
 * the first 100 row error records, as JSON Lines too. The failed file of a failed batch holds one
 * `{_validationErrors: [...]}` record per failed row, as the documented one (JSON Lines).
 */
import { randomUUID } from 'node:crypto';

import type { Clock } from '../clock';
import { serviceError } from '../errors';
import type { RequestContext } from '../gateway';
import type { Answer } from '../routes';
import { Buckets } from './buckets';
import type { Flows } from './flows';
import type { RunError, RunResult } from './runShape';

/**
 * Where the runs' manifests and the listings' hrefs point: another host, as Adobe's examples do
 * (`platform-int`, `platform-stage`). A client must rebuild the address from its own base URL and the
 * batch id. A test may point it at a server of its own, to see that nothing follows it.
 */
export const MANIFEST = { host: 'https://platform-int.adobe.io' };
export const DATA_ACCESS_PATH = '/data/foundation/export';

const RETENTION_MS = 30 * 86_400_000;
/** Most entries of a listing (the OpenAPI's "100 meta files is the maximum"). */
const MAX_LISTED = 100;
const SAMPLES = 100;

/** A row a run rejected: the column, the value it held, and what the schema wanted. */
export interface FailedRow {
	column: string;
	/** null or absent: a required field left empty (INGEST-1555-400); else a value the mapper cannot convert. */
	value?: unknown;
	/** The schema's type for the column (default integer for a conversion, string for a required field). */
	expectedType?: string;
	/** The whole row, for `_corrupt_record` (default: just the column). */
	row?: Record<string, unknown>;
}

export const CONVERSION = { code: 'MAPPER-3700-400', bare: '3700', description: 'Mapper Transform Error' };
export const REQUIRED = { code: 'INGEST-1555-400', bare: '1555', description: 'A required field is either missing or has a value of null. Add the required field to the input row and try again.' };
export const DIAGNOSTICS_OFF = {
	code: 'INGEST-1211-400',
	description: 'Encountered errors while parsing, converting or otherwise validating the data. Please resend the data with error diagnostics enabled to collect additional information on failure types',
};

const isRequired = (row: FailedRow) => row.value === null || row.value === undefined;

function typeOf(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

interface BatchError {
	code: string;
	description: string;
	recordCount?: number;
}

interface StoredBatch {
	id: string;
	runId: string;
	datasetId?: string;
	status: 'success' | 'failed';
	diagnostics: boolean;
	partialIngestionPercent?: number;
	created: number;
	completed: number;
	result: RunResult;
	clientId: string;
	org: string;
	errors: BatchError[];
	rowFiles: Array<{ name: string; text: string }>;
	failedFiles: Array<{ name: string; text: string }>;
}

const lines = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');

/** The row error files of the rejected rows: conversion errors, then validation (required field) errors. */
function rowFiles(rows: FailedRow[]): StoredBatch['rowFiles'] {
	const files: StoredBatch['rowFiles'] = [];
	for (const [name, pick] of [
		['conversion_errors_0.json', (r: FailedRow) => !isRequired(r)],
		['validation_errors_0.json', isRequired],
	] as const) {
		const records = rows.filter(pick).map((row) => {
			const required = isRequired(row);
			const expectedType = row.expectedType ?? (required ? 'string' : 'integer');
			const value = required ? null : row.value;
			const message = required
				? `A required field is either missing or has a value of null: ${row.column}`
				: `Cannot convert value ${JSON.stringify(value)} of column ${row.column} from ${typeOf(value)} to ${expectedType}`;
			return {
				_corrupt_record: JSON.stringify(row.row ?? { [row.column]: value }),
				_errors: [{ code: required ? REQUIRED.bare : CONVERSION.bare, message, column: row.column, expectedType, actualType: typeOf(value), value }],
				_filename: name,
			};
		});
		if (records.length) files.push({ name, text: lines(records) });
	}
	return files;
}

/** The failed file of a failed batch: one documented `_validationErrors` record per rejected row. */
function failedFile(rows: FailedRow[]): StoredBatch['failedFiles'] {
	if (rows.length === 0) return [];
	const records = rows.map((row) => {
		const required = isRequired(row);
		const expected = row.expectedType ?? (required ? 'string' : 'integer');
		return {
			_validationErrors: [
				{
					causingExceptions: [],
					keyword: required ? 'required' : 'type',
					message: required ? `required key [${row.column}] not found` : `expected type: ${expected}, found: ${typeOf(row.value)}`,
					pointerToViolation: `#/${row.column}`,
					schemaLocation: `#/properties/${row.column}`,
				},
			],
		};
	});
	return [
		{ name: '_SUCCESS', text: '' },
		{ name: `part-00000-${randomUUID()}-c000.json`, text: lines(records) },
	];
}

/** The batch's errors as Catalog gives them, and the promotion activity's (`message` for `description`). */
export function batchErrors(rows: FailedRow[], failed: number, output: number, status: 'success' | 'failed', diagnostics: boolean): BatchError[] {
	if (failed === 0) return [];
	if (!diagnostics) return [{ ...DIAGNOSTICS_OFF }];
	const errors: BatchError[] = [];
	if (status === 'success') errors.push({ code: 'INGEST-1212-400', description: `Encountered ${failed} errors in the data. Successfully ingested ${output} rows. Please review the associated diagnostic files for more details.` });
	const required = rows.filter(isRequired).length;
	const converted = failed - required;
	if (converted > 0) errors.push({ code: CONVERSION.code, description: CONVERSION.description, recordCount: converted });
	if (required > 0) errors.push({ code: REQUIRED.code, description: REQUIRED.description, recordCount: required });
	return errors;
}

export const asRunErrors = (errors: BatchError[]): RunError[] => errors.map(({ code, description, recordCount }) => ({ code, ...(recordCount === undefined ? {} : { recordCount }), message: description }));

/** A flow's diagnostics options, wherever Dataflow → Create or Update put them (`options`). */
export function diagnosticsOptions(flow: object): { diagnostics: boolean; partialIngestionPercent?: number } {
	const options = (flow as { options?: { errorDiagnosticsEnabled?: unknown; partialIngestionPercent?: unknown } }).options;
	const percent = Number(options?.partialIngestionPercent);
	return { diagnostics: options?.errorDiagnosticsEnabled === true, ...(Number.isFinite(percent) && percent > 0 ? { partialIngestionPercent: percent } : {}) };
}

/**
 * For tests and the command line: sets a dataflow's `options` (merged over those it has) directly in
 * the store, as Dataflow → Create or Update would, wherever the dataflow is kept. Returns them.
 */
export function seedFlowOptions(flows: Flows, flowId: string, options: { errorDiagnosticsEnabled?: boolean; partialIngestionPercent?: number }): Record<string, unknown> {
	const found = flows.flows.everywhere().find((entry) => entry.item.id === flowId);
	if (!found) throw new Error(`No dataflow ${flowId} in the emulator`);
	const flow = found.item as { options?: Record<string, unknown> };
	flow.options = { ...flow.options, ...options };
	return flow.options;
}

/** The batch id a finished run's promotion activity names. */
function batchIdOf(activities: Array<Record<string, unknown>>): string | undefined {
	for (const activity of activities) {
		const targets = (activity.targetInfo ?? []) as Array<{ reference?: { type?: string; ids?: string[] } }>;
		const batch = targets.find((t) => t.reference?.type === 'Batch');
		if (batch?.reference?.ids?.[0]) return batch.reference.ids[0];
	}
	return undefined;
}

export class Batches {
	readonly batches = new Buckets<StoredBatch>();

	constructor(private readonly clock: Clock) {}

	/** Keeps the batch of a run that has just finished, with its diagnostics. */
	record(owner: Pick<RequestContext, 'org' | 'sandbox'> & { clientId: string }, run: { id: string; activities: Array<Record<string, unknown>>; metrics: { durationSummary: { startedAtUTC: number } } }, flow: object, result: RunResult, datasetId: string | undefined, completedAt: number): void {
		const id = batchIdOf(run.activities);
		if (!id) return;
		const { diagnostics, partialIngestionPercent } = diagnosticsOptions(flow);
		const rows = result.rows ?? [];
		this.batches.put(owner, {
			id,
			runId: run.id,
			datasetId,
			status: result.status,
			diagnostics,
			partialIngestionPercent,
			created: run.metrics.durationSummary.startedAtUTC,
			completed: completedAt,
			result,
			clientId: owner.clientId,
			org: owner.org,
			errors: batchErrors(rows, result.failed, result.output, result.status, diagnostics),
			rowFiles: diagnostics ? rowFiles(rows) : [],
			failedFiles: result.status === 'failed' ? failedFile(rows) : [],
		});
	}

	private find(ctx: RequestContext, id: string, service: 'catalog' | 'export'): StoredBatch {
		const batch = this.batches.of(ctx).get(id);
		if (!batch) throw notFound(service, `No batch ${id}`);
		return batch;
	}

	/** Catalog's `GET /batches/{id}`: the object keyed by its id, as the diagnostics page shows it. */
	catalogBatch(ctx: RequestContext, id: string): Record<string, unknown> {
		const batch = this.find(ctx, id, 'catalog');
		const { result } = batch;
		return {
			[batch.id]: {
				status: batch.status,
				tags: { acp_enableErrorDiagnostics: batch.diagnostics, ...(batch.partialIngestionPercent === undefined ? {} : { acp_partialIngestionPercent: batch.partialIngestionPercent }) },
				relatedObjects: batch.datasetId ? [{ type: 'dataSet', id: batch.datasetId }] : [],
				id: batch.id,
				externalId: batch.id,
				inputFormat: { format: 'parquet' },
				imsOrg: batch.org,
				started: batch.created,
				metrics: { inputByteSize: result.inputBytes, inputFileCount: result.copied ? 1 : 0, inputRecordCount: result.input, outputRecordCount: result.output, failedRecordCount: result.failed },
				completed: batch.completed,
				created: batch.created,
				createdClient: batch.clientId,
				createdUser: `${batch.clientId}@AdobeID`,
				updatedUser: `${batch.clientId}@AdobeID`,
				updated: batch.completed,
				version: '1.0.5',
				...(batch.errors.length ? { errors: batch.errors } : {}),
			},
		};
	}

	/** The Data Access routes below `/batches/{id}`: `meta` and `failed`. */
	dataAccess(ctx: RequestContext, segments: string[], query: URLSearchParams): Answer {
		const [collection, id, what] = segments;
		if (collection !== 'batches' || segments.length !== 3 || (what !== 'meta' && what !== 'failed')) throw notFound('export', `No resource at /${segments.join('/')}`);
		const batch = this.find(ctx, id, 'export');
		const expired = this.clock.now() > batch.completed + RETENTION_MS;
		const path = query.get('path') ?? '';
		if (what === 'failed') {
			if (expired) throw notFound('export', 'The path is not found');
			if (path === '') return listing(batch.id, 'failed', '', batch.failedFiles, query);
			return file(batch.failedFiles.find((f) => f.name === path));
		}
		if (!batch.diagnostics || expired) throw notFound('export', 'The path is not found');
		if (path === 'row_errors' || path === 'row_errors/') return listing(batch.id, 'meta', 'row_errors/', batch.rowFiles, query);
		if (path.startsWith('row_errors/')) return file(batch.rowFiles.find((f) => `row_errors/${f.name}` === path));
		// The run manifest and the OpenAPI's example spell it row_error_samples.json; the OpenAPI's list, row_errors_sample.json.
		if (path === 'row_error_samples.json' || path === 'row_errors_sample.json') {
			const records = batch.rowFiles.flatMap((f) => f.text.split('\n').filter(Boolean)).slice(0, SAMPLES);
			return { status: 200, raw: records.map((r) => `${r}\n`).join(''), headers: { 'Content-Type': 'application/json' } };
		}
		throw notFound('export', 'The path is not found');
	}

	clear(): void {
		this.batches.clear();
	}
}

function notFound(service: 'catalog' | 'export', detail: string) {
	// Data Access documents no error body: the emulator answers as Catalog does (inferred).
	return serviceError('catalog', 404, 'Not Found', service === 'export' ? `Data Access: ${detail}` : detail);
}

function file(found: { name: string; text: string } | undefined): Answer {
	if (!found) throw notFound('export', 'The path is not found');
	return { status: 200, raw: found.text, headers: { 'Content-Type': 'application/json' } };
}

/** A documented listing: `{data: [{name, length (a string), _links.self.href}], _page: {limit, count}}`, paged by `start` and `limit`. */
function listing(batchId: string, what: 'meta' | 'failed', prefix: string, files: Array<{ name: string; text: string }>, query: URLSearchParams): Answer {
	const start = Math.max(0, Number.parseInt(query.get('start') ?? '0', 10) || 0);
	const limit = Math.min(MAX_LISTED, Math.max(1, Number.parseInt(query.get('limit') ?? `${MAX_LISTED}`, 10) || MAX_LISTED));
	const page = files.slice(start, start + limit);
	const data = page.map((f) => ({
		name: f.name,
		length: String(Buffer.byteLength(f.text)),
		_links: { self: { href: `${MANIFEST.host}${DATA_ACCESS_PATH}/batches/${batchId}/${what}?path=${encodeURIComponent(prefix + f.name)}` } },
	}));
	return { status: 200, body: { data, _page: { limit, count: data.length } } };
}
