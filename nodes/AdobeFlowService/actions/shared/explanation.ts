/**
 * Run → Explain Failure's items: one shape for every item — the same keys, null where a key does not
 * apply — and the errors a run itself reports (`metrics.statusSummary.errors`, each activity's
 * `statusSummary.errors` and `statusSummary.extensions.errors`).
 */
import type { IDataObject } from 'n8n-workflow';

import { codeInfo } from './errorCodes';
import { runEvent } from './runEvents';

export type ExplanationKind = 'runError' | 'rowError' | 'diagnosticsOff' | 'diagnosticsExpired' | 'noErrors';

/** Where an item's error was read: the run, one of its activities, Catalog's batch, a row errors file, a failed file. */
export type ExplanationSource = 'run' | 'activity' | 'batch' | 'rowErrors' | 'failedFile' | null;

export interface ExplanationFields {
	kind: ExplanationKind;
	source?: ExplanationSource;
	activity?: string | null;
	code?: string | null;
	message?: string | null;
	recordCount?: number | null;
	countForCode?: number | null;
	column?: string | null;
	expectedType?: string | null;
	actualType?: string | null;
	value?: unknown;
	record?: string | null;
	file?: string | null;
	/** Overrides the advice the code table gives (diagnosticsOff, diagnosticsExpired, noErrors). */
	advice?: string | null;
}

/** The run's facts every item repeats. */
export interface RunFacts {
	runId: string | null;
	flowId: string | null;
	runStatus: string | null;
	failedRecordCount: number | null;
	batchId: string | null;
}

export function runFacts(run: IDataObject, batchId: string | null): RunFacts {
	const metrics = (run.metrics ?? {}) as IDataObject;
	const status = ((metrics.statusSummary ?? {}) as IDataObject).status;
	const failed = ((metrics.recordSummary ?? {}) as IDataObject).failedRecordCount;
	return {
		runId: String(run.id),
		flowId: typeof run.flowId === 'string' ? run.flowId : null,
		runStatus: typeof status === 'string' ? status : null,
		failedRecordCount: typeof failed === 'number' ? failed : null,
		batchId,
	};
}

/** One item, every key present. */
export function explanationItem(facts: RunFacts, fields: ExplanationFields): IDataObject {
	const code = fields.code ?? null;
	const info = codeInfo(code);
	return {
		...facts,
		kind: fields.kind,
		source: fields.source ?? null,
		activity: fields.activity ?? null,
		code,
		message: fields.message ?? null,
		meaning: info.meaning,
		advice: fields.advice !== undefined ? fields.advice : info.advice,
		transient: info.transient,
		recordCount: fields.recordCount ?? null,
		countForCode: fields.countForCode ?? null,
		column: fields.column ?? null,
		expectedType: fields.expectedType ?? null,
		actualType: fields.actualType ?? null,
		value: (fields.value ?? null) as IDataObject[string],
		record: fields.record ?? null,
		file: fields.file ?? null,
	};
}

interface ReportedError {
	source: 'run' | 'activity';
	activity: string | null;
	code: string;
	message: string | null;
	recordCount: number | null;
}

const errorsIn = (value: unknown) => (Array.isArray(value) ? (value as IDataObject[]) : []).filter((e) => e !== null && typeof e === 'object');

/**
 * The errors the run reports, each once: the run's own (named after the activity that reports the same
 * error, where one does), then each activity's that the run does not repeat.
 */
export function reportedErrors(run: IDataObject): ReportedError[] {
	const status = (((run.metrics ?? {}) as IDataObject).statusSummary ?? {}) as IDataObject;
	const activities = (Array.isArray(run.activities) ? run.activities : []) as IDataObject[];
	const nameOf = (a: IDataObject) => (typeof a.name === 'string' ? a.name : typeof a.id === 'string' ? a.id : null);
	const key = (e: IDataObject) => `${String(e.code)}\u0000${String(e.message)}`;
	const out: ReportedError[] = [];
	const seen = new Set<string>();
	const add = (source: ReportedError['source'], activity: string | null, e: IDataObject) => {
		if (seen.has(key(e))) return;
		seen.add(key(e));
		out.push({ source, activity, code: String(e.code ?? 'unknown'), message: typeof e.message === 'string' ? e.message : null, recordCount: typeof e.recordCount === 'number' ? e.recordCount : null });
	};
	for (const e of errorsIn(status.errors)) {
		const reporter = activities.find((a) => errorsIn((a.statusSummary as IDataObject | undefined)?.errors).some((ae) => key(ae) === key(e)));
		add('run', reporter ? nameOf(reporter) : null, e);
	}
	for (const activity of activities) {
		const summary = (activity.statusSummary ?? {}) as IDataObject;
		for (const e of [...errorsIn(summary.errors), ...errorsIn((summary.extensions as IDataObject | undefined)?.errors)]) add('activity', nameOf(activity), e);
	}
	return out;
}

/** Whether there is anything to explain: a run that failed, or had records fail, or reports errors. */
export function needsExplaining(run: IDataObject): boolean {
	const event = runEvent(run);
	return event === 'runFailed' || event === 'runSucceededWithFailedRecords' || reportedErrors(run).length > 0;
}
