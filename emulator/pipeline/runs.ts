/**
 * Dataflow runs (`/runs`), shaped as Adobe's monitoring tutorial shows them
 * (help/dataflows/api/monitor.md, help/sources/tutorials/api/monitor.md; runShape.ts writes them). A run
 * is made when its flow's schedule comes due — looked at whenever runs or flows are read — or on demand
 * (`POST /runs`, help/sources/tutorials/api/on-demand-ingestion.md). It really copies: it reads the
 * table of the source connection from the database behind the base connection (the rows of its window
 * on the incremental column), maps each row with the mapping set, and counts input, output and failed
 * records. A table it cannot read fails it with the emulator's own `CONNECTOR-9001-500` and the
 * reason; a row the mapper fails is Adobe's `MAPPER-3700-400`.
 *
 * A test can also say how a dataflow's next runs end (planOutcome: fail as Adobe's docs show a source
 * that cannot be copied from, succeed with failed records as they show partial ingestion, or succeed),
 * and add runs that ended in the past (seed), written by the same code as the others.
 */
import { randomUUID } from 'node:crypto';

import type { Clock } from '../clock';
import { flowError } from '../errors';
import type { DatabaseAccess } from '../explore';
import { readTable, SourceError, targetOf } from '../explore';
import type { RequestContext } from '../gateway';
import type { Pager } from '../listing';
import { checkParameters, filterItems, orderItems, readFilters } from '../listing';
import type { ConnectionStore } from '../store';
import { newEtag } from '../store';
import { Buckets } from './buckets';
import type { DataLake, SchemaField } from './dataLake';
import type { FailedRow } from './diagnostics';
import { asRunErrors, batchErrors, Batches, diagnosticsOptions } from './diagnostics';
import type { FlowConnections } from './flowConnections';
import type { Flows, StoredFlow } from './flows';
import { deltaColumnOf, scheduleOf } from './flows';
import type { MappingSets } from './mappingSets';
import type { RunError, RunResult, StoredRun } from './runShape';
import { COPY_FAILED, finishRun, partialIngestion, PROCESSING_FAILED, publicRun } from './runShape';
import { dueTimes, PERIOD_SECONDS } from './schedule';

export type { RunError, StoredRun } from './runShape';
export { publicRun } from './runShape';

/**
 * How a dataflow's next run ends, whatever its source holds:
 * - `fail`: it cannot copy from the source (`CONNECTOR-1001-500`, as for a source that cannot be reached); it reads nothing.
 * - `{ failedRecords: n }`: it reads its rows as usual, and n rows more fail the mapper; it succeeds
 *   with them as failed records (partial ingestion, as Adobe's monitoring example shows it).
 * - `success`: every row it reads is written, none fails (a table it cannot read counts as no rows).
 * - `{ failedRows: [{ column, value, expectedType? }, …] }`: it reads its rows as usual, and these rows
 *   more are rejected — a value the mapper cannot convert, or null in a required field (value null).
 *   The run fails (CONNECTOR-2001-500), unless the dataflow's `options.partialIngestionPercent`
 *   allows that many; with `options.errorDiagnosticsEnabled` its batch has their row diagnostics
 *   (diagnostics.ts).
 */
export type PlannedOutcome = 'fail' | 'success' | { failedRecords: number } | { failedRows: FailedRow[] };

/** A run that ended in the past, for seed(). Counts default from each other; times are epoch milliseconds. */
export interface SeededRun {
	startedAt: number;
	/** How long it ran (default one minute). */
	durationMs?: number;
	status: 'success' | 'failed';
	/** Records read (default: written + failed). */
	read?: number;
	/** Records written to the dataset (default: read − failed; 0 when failed). */
	written?: number;
	/** Records that failed (default 0; every record read when the run failed). */
	failed?: number;
	/**
	 * The run's errors (`metrics.statusSummary.errors`). Default: none for a clean success; for a
	 * success with failed records, Adobe's partial ingestion errors; for a failure, `CONNECTOR-1001-500`
	 * (could not copy) when it read nothing, `CONNECTOR-2001-500` (could not process) when it read rows.
	 */
	errors?: RunError[];
}

/** Bytes a seeded or planned record stands for, where no row was read. */
const RECORD_BYTES = 120;

/** Most runs a flow's schedule makes in one look, so that an old start time cannot flood the emulator. */
const MAX_DUE = 50;

function fits(value: unknown, field: SchemaField): boolean {
	if (value === null || value === undefined) return true;
	switch (field.type) {
		case 'integer':
			return Number.isInteger(typeof value === 'string' ? Number(value) : value);
		case 'number':
			return Number.isFinite(typeof value === 'string' ? Number(value) : value);
		case 'boolean':
			return typeof value === 'boolean' || value === 'true' || value === 'false';
		default:
			return field.format === 'date-time' || field.format === 'date' ? !Number.isNaN(Date.parse(String(value))) : true;
	}
}

export class Runs {
	readonly runs = new Buckets<StoredRun>();
	/** Runs still copying, so that close() can wait for them. */
	private readonly pending = new Set<Promise<void>>();
	/** How each dataflow's next runs end, by flow id, first first. */
	private readonly plans = new Map<string, PlannedOutcome[]>();
	/** The batch of every finished run, with its diagnostics (Catalog and Data Access). */
	readonly batches: Batches;

	constructor(
		private readonly flows: Flows,
		private readonly connections: FlowConnections,
		private readonly baseConnections: ConnectionStore,
		private readonly mappings: MappingSets,
		private readonly dataLake: DataLake,
		private readonly pager: Pager,
		private readonly options: { durationMs: number; clock: Clock; databaseAccess?: DatabaseAccess },
	) {
		this.batches = new Batches(options.clock);
	}

	/** Makes the runs that every enabled flow of the sandbox has come due for since it was last looked at. */
	catchUp(ctx: RequestContext): void {
		const now = Math.floor(this.options.clock.now() / 1000);
		const runs = this.runs.all(ctx);
		for (const flow of this.flows.flows.all(ctx)) {
			if (flow.state !== 'enabled') continue;
			const schedule = scheduleOf(flow);
			const made = new Set(runs.filter((r) => r.flowId === flow.id && r.dueAt !== undefined).map((r) => r.dueAt));
			const period = schedule.frequency === 'once' ? 0 : PERIOD_SECONDS[schedule.frequency] * (schedule.interval ?? 1);
			for (const due of dueTimes(schedule, now, MAX_DUE)) {
				if (made.has(due)) continue;
				const first = due === schedule.startTime;
				const start = first ? (schedule.backfill ? undefined : due - period) : due - period;
				this.start(ctx, flow, { start, end: due }, due);
			}
		}
	}

	/** On demand: only for a flow scheduled once, with the window and delta column of the request. */
	createOnDemand(ctx: RequestContext, body: unknown): StoredRun {
		const request = (body ?? {}) as { flowId?: unknown; params?: Record<string, unknown> };
		const flow = this.flows.find(ctx, String(request.flowId ?? ''));
		const schedule = scheduleOf(flow);
		if (schedule.frequency !== 'once') {
			throw flowError('runFrequency', `The flowId=${flow.id} with scheduleParams frequency=${schedule.frequency} is not supported for creating flow runs. Please provide a valid frequency and try again.`, ctx.requestId);
		}
		const params = request.params;
		const windowStart = Number(params?.windowStartTime);
		const windowEnd = Number(params?.windowEndTime);
		// startTime is in the on-demand page's example, not in the ad hoc page's: optional [inferred].
		const startValid = params?.startTime === undefined || Number.isInteger(Number(params.startTime));
		if (!params || typeof params !== 'object' || Object.keys(params).length === 0 || !startValid || !Number.isInteger(windowStart) || !Number.isInteger(windowEnd)) {
			throw flowError('runParams', `The params=${JSON.stringify(params ?? null)} provided for creating flow run are invalid or empty. Please provide valid params and try again.`, ctx.requestId);
		}
		if (windowEnd < windowStart) {
			throw flowError('runWindowOrder', `WindowEndTime=${windowEnd} cannot be before Window StartTime=${windowStart}. Please provide a valid end time and try again.`, ctx.requestId);
		}
		const given = (params.deltaColumn as { name?: unknown } | undefined)?.name;
		const stored = deltaColumnOf(flow);
		if (stored && given !== undefined && given !== stored.name) {
			throw flowError('runDeltaChanged', "The delta column should match the value present in the flow's Copy transformations. Please provide a valid delta column and try again.", ctx.requestId);
		}
		if (!stored) {
			if (typeof given !== 'string' || given === '') {
				throw flowError('runDeltaMissing', 'The delta column is missing in the params received for creating a flow run. Please provide delta column in params and try again.', ctx.requestId);
			}
			flow.transformations = [{ name: 'Copy', params: { deltaColumn: { name: given } } }, ...flow.transformations.filter((t) => t.name !== 'Copy')];
		}
		// The run carries what it was asked for, as the ad hoc run page's answer shows: every time a string.
		const echoed: Record<string, unknown> = { windowStartTime: String(windowStart), windowEndTime: String(windowEnd) };
		if (params.startTime !== undefined) echoed.startTime = String(Number(params.startTime));
		if (typeof given === 'string') echoed.deltaColumn = { name: given };
		return this.start(ctx, flow, { start: windowStart, end: windowEnd }, undefined, echoed);
	}

	/** A run of the flow as it starts now or at `startedAt` (epoch ms): in progress, nothing counted yet. */
	private newRun(owner: Pick<RequestContext, 'org' | 'sandbox' | 'clientId'>, flow: StoredFlow, window: StoredRun['window'], dueAt: number | undefined, startedAt: number, params?: StoredRun['params']): StoredRun {
		return this.runs.put(owner, {
			id: randomUUID(),
			flowId: flow.id,
			etag: newEtag(),
			createdAt: startedAt,
			updatedAt: startedAt,
			createdBy: flow.createdBy,
			updatedBy: flow.createdBy,
			createdClient: owner.clientId,
			updatedClient: owner.clientId,
			sandboxId: `${owner.sandbox}-sandbox-id`,
			sandboxName: owner.sandbox,
			imsOrgId: owner.org,
			...(dueAt !== undefined ? { dueAt } : {}),
			window,
			...(params ? { params } : {}),
			metrics: {
				durationSummary: { startedAtUTC: startedAt },
				sizeSummary: { inputBytes: 0, outputBytes: 0 },
				recordSummary: { inputRecordCount: 0, outputRecordCount: 0, failedRecordCount: 0 },
				fileSummary: { inputFileCount: 0, outputFileCount: 0, activityRefs: ['promotionActivity'] },
				statusSummary: { status: 'inProgress', errors: [], activityRefs: ['promotionActivity'] },
			},
			activities: [],
		});
	}

	/** Starts a run of the flow now over the window: scheduled (dueAt), on demand or re-triggered (params). */
	start(ctx: RequestContext, flow: StoredFlow, window: StoredRun['window'], dueAt?: number, params?: StoredRun['params']): StoredRun {
		const run = this.newRun(ctx, flow, window, dueAt, this.options.clock.now(), params);
		const planned = this.plans.get(flow.id)?.shift();
		const work = this.copy(ctx, flow, run, planned).finally(() => this.pending.delete(work));
		this.pending.add(work);
		return run;
	}

	/** Reads the run's window of the source table and counts the rows the mapping set fails. */
	private async read(ctx: RequestContext, flow: StoredFlow, run: StoredRun): Promise<{ rows: Record<string, unknown>[]; failed: number; rejected: FailedRow[] }> {
		const source = this.connections.findSource(ctx, flow.sourceConnectionIds[0]);
		const base = this.baseConnections.bucket(ctx.org, ctx.sandbox).get(source.baseConnectionId);
		if (!base) throw new SourceError(`The base connection ${source.baseConnectionId} no longer exists`, 'invalid');
		const delta = deltaColumnOf(flow);
		const window = delta ? { column: delta.name, after: run.window.start === undefined ? undefined : new Date(run.window.start * 1000), upTo: new Date(run.window.end * 1000) } : undefined;
		const rows = await readTable(targetOf(base), String(source.params.tableName), window, this.options.databaseAccess);
		const mappingId = flow.transformations.find((t) => t.name === 'Mapping')?.params.mappingId;
		const set = this.mappings.find(ctx, String(mappingId));
		const schema = set && this.dataLake.findSchema(ctx, set.schemaId);
		const fields = new Map(schema?.fields.map((f) => [f.path, f]) ?? []);
		const columns = new Set(rows.length > 0 ? Object.keys(rows[0]) : []);
		let failed = 0;
		const rejected: FailedRow[] = [];
		for (const row of rows) {
			const bad = (set?.mappings ?? []).find((m) => {
				if (m.sourceType !== 'ATTRIBUTE') return false;
				const field = fields.get(m.destination);
				return !columns.has(m.source) || (field !== undefined && !fits(row[m.source], field));
			});
			if (bad) {
				failed++;
				rejected.push({ column: bad.source, value: row[bad.source] ?? null, expectedType: fields.get(bad.destination)?.type ?? 'string', row });
			}
		}
		return { rows, failed, rejected };
	}

	/** What a run comes to: what it read, unless a test planned otherwise. */
	private async outcome(ctx: RequestContext, flow: StoredFlow, run: StoredRun, planned: PlannedOutcome | undefined): Promise<RunResult> {
		const failedCopy = (errors: RunError[]): RunResult => ({ status: 'failed', input: 0, output: 0, failed: 0, inputBytes: 0, copied: false, errors, details: errors });
		if (planned === 'fail') return failedCopy([COPY_FAILED]);
		let read: { rows: Record<string, unknown>[]; failed: number; rejected?: FailedRow[] };
		try {
			read = await this.read(ctx, flow, run);
		} catch (error) {
			if (planned === 'success') read = { rows: [], failed: 0 };
			else return failedCopy([{ code: 'CONNECTOR-9001-500', message: `Error occurred at copy activity: ${error instanceof SourceError ? error.message : 'The source could not be read'}` }]);
		}
		const input = read.rows.length;
		const inputBytes = input > 0 ? Buffer.byteLength(JSON.stringify(read.rows)) : 0;
		if (planned === 'success') return { status: 'success', input, output: input, failed: 0, inputBytes, copied: true, errors: [], details: [] };
		if (planned !== undefined && 'failedRows' in planned) return rejectedRows(flow, read, planned.failedRows, inputBytes);
		if (planned !== undefined) {
			const failed = read.failed + planned.failedRecords;
			const output = input - read.failed;
			const perRecord = input > 0 ? inputBytes / input : RECORD_BYTES;
			return { status: 'success', input: input + planned.failedRecords, output, failed, inputBytes: Math.round(inputBytes + perRecord * planned.failedRecords), copied: true, ...partialIngestion(failed, output) };
		}
		const output = input - read.failed;
		const errors: RunError[] = read.failed > 0 ? [{ code: 'MAPPER-3700-400', recordCount: read.failed, message: 'Mapper Transform Error' }] : [];
		return { status: output > 0 || input === 0 ? 'success' : 'failed', input, output, failed: read.failed, inputBytes, copied: true, errors, details: errors, rows: read.rejected };
	}

	private async copy(ctx: RequestContext, flow: StoredFlow, run: StoredRun, planned: PlannedOutcome | undefined): Promise<void> {
		const result = await this.outcome(ctx, flow, run, planned);
		await new Promise((resolve) => setTimeout(resolve, this.options.durationMs));
		this.finish(ctx, flow, run, result, this.options.clock.now());
	}

	private finish(owner: Pick<RequestContext, 'org' | 'sandbox'>, flow: StoredFlow, run: StoredRun, result: RunResult, completedAt: number): void {
		finishRun(run, flow, result, completedAt);
		const target = this.connections.targets.of(owner).get(flow.targetConnectionIds[0]);
		const dataset = target && this.dataLake.datasets.of(owner).get(String(target.params.dataSetId));
		if (dataset) dataset.records += result.output;
		this.batches.record({ ...owner, clientId: flow.createdClient }, run, flow, result, target ? String(target.params.dataSetId) : undefined, completedAt);
	}

	/** A dataflow wherever it is kept (any org and sandbox), by id. */
	private locate(flowId: string): { org: string; sandbox: string; item: StoredFlow } {
		const found = this.flows.flows.everywhere().find((entry) => entry.item.id === flowId);
		if (!found) throw new Error(`No dataflow ${flowId} in the emulator`);
		return found;
	}

	/**
	 * Says how the dataflow's next `times` runs end, scheduled or on demand, after those already
	 * planned; then its runs copy as usual again. Returns what is planned for it now.
	 */
	planOutcome(flowId: string, outcome: PlannedOutcome, times = 1): PlannedOutcome[] {
		this.locate(flowId);
		const rows = typeof outcome === 'object' && outcome !== null && 'failedRows' in outcome ? outcome.failedRows : undefined;
		const known =
			outcome === 'fail' ||
			outcome === 'success' ||
			(typeof outcome === 'object' && 'failedRecords' in outcome && Number.isInteger(outcome.failedRecords) && outcome.failedRecords > 0) ||
			(Array.isArray(rows) && rows.length > 0 && rows.every((r) => typeof r?.column === 'string' && r.column !== ''));
		if (!known) throw new Error(`Not a planned outcome: ${JSON.stringify(outcome)} (fail, success, { failedRecords: n } with n ≥ 1, or { failedRows: [{ column, value }, …] })`);
		if (!Number.isInteger(times) || times < 1) throw new Error(`A planned outcome applies to one run or more (asked for ${times})`);
		const plan = this.plans.get(flowId) ?? [];
		for (let i = 0; i < times; i++) plan.push(rows ? { failedRows: rows.map((r) => ({ ...r })) } : typeof outcome === 'object' && 'failedRecords' in outcome ? { failedRecords: outcome.failedRecords } : outcome);
		this.plans.set(flowId, plan);
		return [...plan];
	}

	/** What is still planned for the dataflow's next runs, first first. */
	plannedOutcomes(flowId: string): PlannedOutcome[] {
		return [...(this.plans.get(flowId) ?? [])];
	}

	/**
	 * Adds runs of the dataflow that started and ended in the past, at once, written as every other
	 * run is (ids, etags, metrics, activities); the dataflow's `lastRunDetails` follows the one that
	 * started last, and its dataset counts what they wrote. A seeded run takes its schedule's due
	 * time, so that the schedule does not make that run again. Returns their ids, in the order given.
	 */
	seed(flowId: string, runs: SeededRun[]): string[] {
		const { org, sandbox, item: flow } = this.locate(flowId);
		const owner = { org, sandbox, clientId: flow.createdClient };
		const now = this.options.clock.now();
		const schedule = scheduleOf(flow);
		const period = schedule.frequency === 'once' ? 0 : PERIOD_SECONDS[schedule.frequency] * (schedule.interval ?? 1);
		const claimed = new Set(this.runs.all(owner).filter((r) => r.flowId === flow.id && r.dueAt !== undefined).map((r) => r.dueAt));
		return runs.map((given, index) => {
			const durationMs = given.durationMs ?? 60_000;
			const what = `Seeded run ${index} of dataflow ${flowId}`;
			if (!Number.isFinite(given.startedAt) || !Number.isFinite(durationMs) || durationMs < 0) throw new Error(`${what}: startedAt and durationMs must be numbers (epoch ms, ms)`);
			if (given.startedAt + durationMs > now) throw new Error(`${what} ends after the Platform's now (${new Date(now).toISOString()}): seeded runs are past runs`);
			if (given.status !== 'success' && given.status !== 'failed') throw new Error(`${what}: status must be success or failed`);
			const failed = given.failed ?? (given.status === 'failed' ? (given.read ?? 0) : 0);
			const written = given.written ?? (given.status === 'failed' ? 0 : Math.max(0, (given.read ?? failed) - failed));
			const read = given.read ?? written + failed;
			if ([read, written, failed].some((n) => !Number.isInteger(n) || n < 0) || written + failed > read) {
				throw new Error(`${what}: read, written and failed must be whole numbers with written + failed ≤ read`);
			}
			const startSeconds = Math.floor(given.startedAt / 1000);
			let dueAt: number | undefined;
			if (startSeconds >= schedule.startTime) {
				const slot = period === 0 ? schedule.startTime : schedule.startTime + Math.floor((startSeconds - schedule.startTime) / period) * period;
				if (!claimed.has(slot)) dueAt = slot;
			}
			if (dueAt !== undefined) claimed.add(dueAt);
			const window = { start: period === 0 ? undefined : (dueAt ?? startSeconds) - period, end: dueAt ?? startSeconds };
			const run = this.newRun(owner, flow, window, dueAt, given.startedAt);
			// A failed run that read nothing could not copy; one that read rows failed to process them.
			const copied = given.status === 'success' || read > 0;
			const failure = copied ? PROCESSING_FAILED : COPY_FAILED;
			const documented = given.status === 'failed' ? { errors: [failure], details: [failure] } : failed > 0 ? partialIngestion(failed, written) : { errors: [], details: [] };
			const errors = given.errors ?? documented.errors;
			const details = given.errors ?? documented.details;
			this.finish(owner, flow, run, { status: given.status, input: read, output: written, failed, inputBytes: read * RECORD_BYTES, copied, errors, details }, given.startedAt + durationMs);
			return run.id;
		});
	}

	find(ctx: RequestContext, id: string): StoredRun {
		this.catchUp(ctx);
		const run = this.runs.of(ctx).get(id);
		if (!run) throw flowError('notFound', `The requested run resource ${id} is not found.`, ctx.requestId);
		return run;
	}

	/**
	 * `GET /runs`. Without `orderby`, in the order they were created. The guide's run filter `state`
	 * (`state==inProgress`) is read as the run's status: no run Adobe shows has a `state` of its own.
	 */
	list(ctx: RequestContext, query: URLSearchParams, rawQuery: string): unknown {
		checkParameters('/runs', query, ctx.requestId);
		this.catchUp(ctx);
		const filters = readFilters(query, ctx.requestId).map((f) => (f.path === 'state' ? { ...f, path: 'metrics.statusSummary.status' } : f));
		const created = this.runs.all(ctx).sort((a, b) => a.createdAt - b.createdAt);
		const items = orderItems(filterItems(created, filters), query.get('orderby'), ctx.requestId, RUN_ORDERABLE);
		const page = this.pager.page('/runs', items, query, rawQuery, ctx.requestId);
		return 'items' in page ? { ...page, items: page.items.map(publicRun), _links: page._links ?? {} } : page;
	}

	/** Waits for the runs still copying (for a clean close). */
	async settle(): Promise<void> {
		await Promise.all([...this.pending]);
	}

	clear(): void {
		this.runs.clear();
		this.plans.clear();
		this.batches.clear();
	}
}

/**
 * A run whose planned rows are rejected, besides those of its table the mapping fails: it fails
 * (Adobe's CONNECTOR-2001-500), unless the dataflow's partial ingestion threshold allows that share
 * of failed records; then it succeeds with them, as the monitoring tutorial's partial run does.
 */
function rejectedRows(flow: StoredFlow, read: { rows: Record<string, unknown>[]; rejected?: FailedRow[] }, planned: FailedRow[], inputBytes: number): RunResult {
	const rows = [...(read.rejected ?? []), ...planned];
	const input = read.rows.length + planned.length;
	const failed = rows.length;
	const { diagnostics, partialIngestionPercent } = diagnosticsOptions(flow);
	const partial = partialIngestionPercent !== undefined && (failed * 100) / input <= partialIngestionPercent;
	const status = partial ? 'success' : 'failed';
	const output = partial ? input - failed : 0;
	const perRecord = read.rows.length > 0 ? inputBytes / read.rows.length : RECORD_BYTES;
	const errors = partial ? [{ code: 'CONNECTOR-2001-500', message: 'Error occurred at promotion activity.' }] : [PROCESSING_FAILED];
	const details = asRunErrors(batchErrors(rows, failed, output, status, diagnostics));
	return { status, input, output, failed, inputBytes: Math.round(inputBytes + perRecord * planned.length), copied: true, errors, details, rows };
}

/** What runs are ordered by: they have no name. */
const RUN_ORDERABLE = ['createdAt', 'updatedAt'];
