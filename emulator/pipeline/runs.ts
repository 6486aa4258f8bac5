/**
 * Dataflow runs (`/runs`), shaped as Adobe's monitoring tutorial shows them
 * (help/sources/tutorials/api/monitor.md). A run is made when its flow's schedule comes due — looked at
 * whenever runs or flows are read — or on demand (`POST /runs`, help/sources/tutorials/api/on-demand-ingestion.md).
 * It really copies: it reads the table of the source connection from the database behind the base
 * connection (the rows of its window on the incremental column), maps each row with the mapping set,
 * and counts input, output and failed records. The error codes of failed runs are the emulator's own
 * (`CONNECTOR-9…`), but for the mapper's, which Adobe's example shows.
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
import type { FlowConnections } from './flowConnections';
import type { Flows, StoredFlow } from './flows';
import { deltaColumnOf, scheduleOf } from './flows';
import type { MappingSets } from './mappingSets';
import { dueTimes, PERIOD_SECONDS } from './schedule';

interface RunError {
	code: string;
	message: string;
	recordCount?: number;
}

export interface StoredRun {
	id: string;
	flowId: string;
	etag: string;
	createdAt: number;
	updatedAt: number;
	createdBy: string;
	updatedBy: string;
	createdClient: string;
	updatedClient: string;
	sandboxId: string;
	sandboxName: string;
	/** When it was due, in epoch seconds (scheduled runs) — to make each due time once. */
	dueAt?: number;
	window: { start?: number; end: number };
	metrics: {
		durationSummary: { startedAtUTC: number; completedAtUTC?: number };
		sizeSummary: { inputBytes: number; outputBytes: number };
		recordSummary: { inputRecordCount: number; outputRecordCount: number; failedRecordCount: number };
		fileSummary: { inputFileCount: number; outputFileCount: number; activityRefs: string[] };
		statusSummary: { status: 'inProgress' | 'success' | 'failed'; errors: RunError[]; activityRefs: string[] };
	};
	activities: Array<Record<string, unknown>>;
}

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

	constructor(
		private readonly flows: Flows,
		private readonly connections: FlowConnections,
		private readonly baseConnections: ConnectionStore,
		private readonly mappings: MappingSets,
		private readonly dataLake: DataLake,
		private readonly pager: Pager,
		private readonly options: { durationMs: number; clock: Clock; databaseAccess?: DatabaseAccess },
	) {}

	/** Makes the runs that every enabled flow of the sandbox has come due for since it was last looked at. */
	catchUp(ctx: RequestContext): void {
		const now = Math.floor(this.options.clock.now() / 1000);
		for (const flow of this.flows.flows.all(ctx)) {
			if (flow.state !== 'enabled') continue;
			const schedule = scheduleOf(flow);
			const made = new Set(this.runs.all(ctx).filter((r) => r.flowId === flow.id && r.dueAt !== undefined).map((r) => r.dueAt));
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
		if (!params || !Number.isInteger(Number(params.startTime)) || !Number.isInteger(windowStart) || !Number.isInteger(windowEnd)) {
			throw flowError('invalidParamValue', `The provided param value ${JSON.stringify(params ?? null)} is not a valid input for property=params. Please provide a valid param value and try again.`, ctx.requestId);
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
		return this.start(ctx, flow, { start: windowStart, end: windowEnd });
	}

	private start(ctx: RequestContext, flow: StoredFlow, window: StoredRun['window'], dueAt?: number): StoredRun {
		const now = this.options.clock.now();
		const run = this.runs.put(ctx, {
			id: randomUUID(),
			flowId: flow.id,
			etag: newEtag(),
			createdAt: now,
			updatedAt: now,
			createdBy: flow.createdBy,
			updatedBy: flow.createdBy,
			createdClient: ctx.clientId,
			updatedClient: ctx.clientId,
			sandboxId: `${ctx.sandbox}-sandbox-id`,
			sandboxName: ctx.sandbox,
			...(dueAt !== undefined ? { dueAt } : {}),
			window,
			metrics: {
				durationSummary: { startedAtUTC: now },
				sizeSummary: { inputBytes: 0, outputBytes: 0 },
				recordSummary: { inputRecordCount: 0, outputRecordCount: 0, failedRecordCount: 0 },
				fileSummary: { inputFileCount: 0, outputFileCount: 0, activityRefs: ['promotionActivity'] },
				statusSummary: { status: 'inProgress', errors: [], activityRefs: ['promotionActivity'] },
			},
			activities: [],
		});
		const work = this.copy(ctx, flow, run).finally(() => this.pending.delete(work));
		this.pending.add(work);
		return run;
	}

	private async copy(ctx: RequestContext, flow: StoredFlow, run: StoredRun): Promise<void> {
		const errors: RunError[] = [];
		let input: Record<string, unknown>[] = [];
		let failed = 0;
		try {
			const source = this.connections.findSource(ctx, flow.sourceConnectionIds[0]);
			const base = this.baseConnections.bucket(ctx.org, ctx.sandbox).get(source.baseConnectionId);
			if (!base) throw new SourceError(`The base connection ${source.baseConnectionId} no longer exists`, 'invalid');
			const delta = deltaColumnOf(flow);
			const window = delta ? { column: delta.name, after: run.window.start === undefined ? undefined : new Date(run.window.start * 1000), upTo: new Date(run.window.end * 1000) } : undefined;
			input = await readTable(targetOf(base), String(source.params.tableName), window, this.options.databaseAccess);
			const mappingId = flow.transformations.find((t) => t.name === 'Mapping')?.params.mappingId;
			const set = this.mappings.find(ctx, String(mappingId));
			const schema = set && this.dataLake.findSchema(ctx, set.schemaId);
			const fields = new Map(schema?.fields.map((f) => [f.path, f]) ?? []);
			const columns = new Set(input.length > 0 ? Object.keys(input[0]) : []);
			for (const row of input) {
				const bad = (set?.mappings ?? []).some((m) => {
					if (m.sourceType !== 'ATTRIBUTE') return false;
					const field = fields.get(m.destination);
					return !columns.has(m.source) || (field !== undefined && !fits(row[m.source], field));
				});
				if (bad) failed++;
			}
			if (failed > 0) errors.push({ code: 'MAPPER-3700-400', recordCount: failed, message: 'Mapper Transform Error' });
		} catch (error) {
			const message = error instanceof SourceError ? error.message : 'The source could not be read';
			errors.push({ code: 'CONNECTOR-9001-500', message: `Error occurred at copy activity: ${message}` });
		}
		await new Promise((resolve) => setTimeout(resolve, this.options.durationMs));
		const copied = errors.every((e) => e.code === 'MAPPER-3700-400');
		const output = copied ? input.length - failed : 0;
		const completedAt = this.options.clock.now();
		const bytes = Buffer.byteLength(JSON.stringify(input));
		const status = copied && (output > 0 || input.length === 0) ? 'success' : 'failed';
		run.metrics = {
			durationSummary: { startedAtUTC: run.metrics.durationSummary.startedAtUTC, completedAtUTC: completedAt },
			sizeSummary: { inputBytes: bytes, outputBytes: copied ? Math.round((bytes * output) / Math.max(1, input.length)) : 0 },
			recordSummary: { inputRecordCount: input.length, outputRecordCount: output, failedRecordCount: copied ? failed : input.length },
			fileSummary: { inputFileCount: copied ? 1 : 0, outputFileCount: output > 0 ? 1 : 0, activityRefs: ['promotionActivity'] },
			statusSummary: { status, errors, activityRefs: ['promotionActivity'] },
		};
		const batchId = randomUUID().replace(/-/g, '').slice(0, 26).toUpperCase();
		const manifest = (path: string) => `/data/foundation/export/batches/${batchId}/meta?path=${path}`;
		run.activities = [
			{
				id: 'copyActivity',
				updatedAtUTC: completedAt,
				durationSummary: { startedAtUTC: run.metrics.durationSummary.startedAtUTC, completedAtUTC: completedAt, extensions: { windowStart: (run.window.start ?? 0) * 1000, windowEnd: run.window.end * 1000 } },
				sizeSummary: { inputBytes: bytes, outputBytes: bytes },
				recordSummary: {},
				fileSummary: { inputFileCount: 1, outputFileCount: copied ? 1 : 0 },
				statusSummary: { status: copied ? 'success' : 'failed', extensions: { type: 'one-time' }, ...(copied ? {} : { errors }) },
				sourceInfo: [{ id: flow.sourceConnectionIds[0], type: 'SourceConnection', reference: { type: 'AdfRunId', ids: [run.id] } }],
			},
			{
				id: 'promotionActivity',
				updatedAtUTC: completedAt,
				durationSummary: { startedAtUTC: run.metrics.durationSummary.startedAtUTC, completedAtUTC: completedAt },
				sizeSummary: run.metrics.sizeSummary,
				recordSummary: run.metrics.recordSummary,
				fileSummary: { ...run.metrics.fileSummary, extensions: { manifest: { fileInfo: manifest('input_files') } } },
				statusSummary: { status, errors, extensions: { manifest: { failedRecords: manifest('row_errors'), sampleErrors: manifest('row_error_samples.json') }, errors } },
				targetInfo: [{ id: flow.targetConnectionIds[0], type: 'TargetConnection', reference: { type: 'Batch', ids: [batchId] } }],
			},
		];
		run.etag = newEtag();
		run.updatedAt = completedAt;
		flow.lastRunDetails = { id: run.id, state: status, startedAtUTC: run.metrics.durationSummary.startedAtUTC, completedAtUTC: completedAt };
		const target = this.connections.targets.of(ctx).get(flow.targetConnectionIds[0]);
		const dataset = target && this.dataLake.datasets.of(ctx).get(String(target.params.dataSetId));
		if (dataset) dataset.records += output;
	}

	find(ctx: RequestContext, id: string): StoredRun {
		this.catchUp(ctx);
		const run = this.runs.of(ctx).get(id);
		if (!run) throw flowError('notFound', `The requested run resource ${id} is not found.`, ctx.requestId);
		return run;
	}

	list(ctx: RequestContext, query: URLSearchParams, rawQuery: string): unknown {
		checkParameters('/runs', query, ctx.requestId);
		this.catchUp(ctx);
		const items = orderItems(filterItems(this.runs.all(ctx), readFilters(query, ctx.requestId)), query.get('orderby'), ctx.requestId);
		const page = this.pager.page('/runs', items, query, rawQuery, ctx.requestId);
		return 'items' in page ? { ...page, items: page.items.map(publicRun), _links: page._links ?? {} } : page;
	}

	/** Waits for the runs still copying (for a clean close). */
	async settle(): Promise<void> {
		await Promise.all([...this.pending]);
	}

	clear(): void {
		this.runs.clear();
	}
}

export function publicRun(run: StoredRun): Record<string, unknown> {
	const { dueAt: _dueAt, window: _window, ...rest } = run;
	return rest;
}
