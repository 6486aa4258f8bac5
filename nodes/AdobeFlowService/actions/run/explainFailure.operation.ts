/**
 * Run → Explain Failure: why a run failed or had records fail, one item per reason. The run's own
 * errors (the run's and its activities', with what the code means and what to do where Adobe says),
 * then the rows its batch rejected, read from the batch's error diagnostics (Data Access), with the
 * count of rows per code from Catalog. Where diagnostics were off, or have expired (kept 30 days),
 * one item says so and how to turn them on; a clean run gives one item saying there is nothing to
 * explain. Every address is built from the credential's Base URL and the run's batch id.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readId, readPositiveInteger } from '../../helpers/validation';
import { SYSTEM_CLOCK } from '../../transport/clock';
import { attachBinary } from '../shared/binaryData';
import { batchIdOf, fetchCatalogBatch } from '../shared/diagnostics';
import type { ExplanationFields, RunFacts } from '../shared/explanation';
import { explanationItem, needsExplaining, reportedErrors, runFacts } from '../shared/explanation';
import { validated } from '../shared/fieldErrors';
import { DATAFLOW, entityLocator, readEntityId } from '../shared/flowObjects';
import type { ItemContext } from '../shared/operation';
import { forOperation } from '../shared/operation';
import { failedRecordsOf, runEvent } from '../shared/runEvents';
import { fetchRun, runIdProperty } from '../shared/runs';
import type { RowItem } from './rowItems';
import { FAILED_FILES, readRows, ROW_ERRORS } from './rowItems';

export const option = { name: 'Explain Failure', value: 'explainFailure', action: 'Explain why a run failed', description: 'Explain why a run failed or had records fail, by its run ID or the ID of its dataflow (its latest failed run); returns one item per error with its code, meaning and what to do, and one per rejected row with its column, expected type and value' };

export const readsOnly = true;

/** How many of a dataflow's newest runs are looked through for the latest that failed. */
const LOOK_BACK = 200;
const RETENTION_MS = 30 * 86_400_000;

const RUNS = [
	{ name: 'By ID', value: 'id', description: 'One run, e.g. from the trigger or Wait for Run' },
	{ name: 'Latest Failed of a Dataflow', value: 'latestFailed', description: 'The newest run of the dataflow that failed or had records fail' },
];

const properties: INodeProperties[] = [
	{ displayName: 'Run', name: 'explainRun', type: 'options', options: RUNS, default: 'id' },
	{ ...runIdProperty, displayOptions: { show: { explainRun: ['id'] } } },
	{ ...entityLocator(DATAFLOW, 'The dataflow whose latest failed run to explain'), displayOptions: { show: { explainRun: ['latestFailed'] } } },
	{ displayName: 'Attach Files', name: 'attachFiles', type: 'boolean', default: false, description: 'Whether to add the diagnostics files the failed rows were read from as binary data, each on the first item read from it' },
	{ displayName: 'Max Row Items', name: 'maxRows', type: 'number', typeOptions: { minValue: 1 }, default: 100, description: 'Most failed rows to output; the counts per code cover every row' },
];

export const description = forOperation('run', 'explainFailure', properties);

/** The newest of the dataflow's latest runs that failed or had records fail, if any. */
async function latestFailed(client: ItemContext['client'], flowId: string, itemIndex: number): Promise<IDataObject | undefined> {
	const runs = await client.getPaged<IDataObject>('/runs', { property: [`flowId==${flowId}`], orderby: '-createdAt' }, { limit: LOOK_BACK, itemIndex });
	return runs.find((run) => {
		const event = runEvent(run);
		return event === 'runFailed' || (event !== null && failedRecordsOf(run) > 0);
	});
}

const completedAt = (run: IDataObject) => {
	const duration = ((run.metrics ?? {}) as IDataObject).durationSummary as IDataObject | undefined;
	const at = duration?.completedAtUTC ?? duration?.startedAtUTC;
	return typeof at === 'number' ? at : null;
};

/** Why the run failed: its errors, then its batch's (Catalog), then its rejected rows (Data Access). */
async function explain(client: ItemContext['client'], run: IDataObject, maxRows: number, itemIndex: number): Promise<Array<{ fields: ExplanationFields; file?: RowItem['newFile'] }>> {
	const batchId = batchIdOf(run);
	const reported = reportedErrors(run);
	const out: Array<{ fields: ExplanationFields; file?: RowItem['newFile'] }> = reported.map((e) => ({ fields: { kind: 'runError', ...e, countForCode: e.recordCount } }));
	const rowsFailed = failedRecordsOf(run) > 0;
	if (!batchId || !rowsFailed) return out;

	const batch = await fetchCatalogBatch(client, batchId, itemIndex);
	const counts = new Map<string, number>();
	for (const e of [...reported, ...(batch?.errors ?? [])]) if (e.recordCount !== null) counts.set(e.code, e.recordCount);
	for (const item of out) item.fields.countForCode = counts.get(String(item.fields.code)) ?? item.fields.countForCode ?? null;
	for (const e of batch?.errors ?? []) {
		if (reported.some((r) => r.code === e.code)) continue;
		out.push({ fields: { kind: 'runError', source: 'batch', code: e.code, message: e.description, recordCount: e.recordCount, countForCode: e.recordCount } });
	}
	const knownCodes = [...counts.keys(), ...out.map((o) => String(o.fields.code))];
	const saidOff = batch?.diagnosticsEnabled === false || batch?.errors.some((e) => e.code === 'INGEST-1211-400') === true;
	let rows: RowItem[] | null = null;
	if (!saidOff) rows = (await readRows(client, batchId, ROW_ERRORS, maxRows, knownCodes, counts, itemIndex)).rows;
	if (rows === null) {
		const done = completedAt(run);
		const expired = !saidOff && done !== null && SYSTEM_CLOCK.now() - done > RETENTION_MS;
		out.push({ fields: expired ? expiredFields(batchId, done) : offFields(batchId, saidOff) });
	}
	// A failed batch keeps its failed rows apart from its diagnostics: read them where the diagnostics gave none.
	if ((rows === null || rows.length === 0) && runEvent(run) === 'runFailed') {
		rows = (await readRows(client, batchId, FAILED_FILES, maxRows, knownCodes, counts, itemIndex)).rows;
	}
	out.push(...(rows ?? []).map((row) => ({ fields: row.fields, file: row.newFile })));
	return out;
}

function offFields(batchId: string, saidOff: boolean): ExplanationFields {
	return {
		kind: 'diagnosticsOff',
		source: saidOff ? 'batch' : 'rowErrors',
		code: saidOff ? 'INGEST-1211-400' : null,
		message: saidOff
			? `Error diagnostics were off for this run, so the Platform kept no details of the rows it rejected (batch ${batchId})`
			: `The Platform has no error diagnostics for batch ${batchId}: error diagnostics were most likely off for this run`,
		advice: "Turn on Error Diagnostics with Dataflow → Update (the dataflow's errorDiagnosticsEnabled option), then run it again: the next run's failed rows can be explained",
	};
}

function expiredFields(batchId: string, completed: number): ExplanationFields {
	return {
		kind: 'diagnosticsExpired',
		source: 'rowErrors',
		message: `The error diagnostics of batch ${batchId} are no longer kept: the run ended on ${new Date(completed).toISOString()}, and the Platform keeps diagnostics for up to 30 days`,
		advice: 'Run the dataflow again (Run → Retry) and explain the new run within 30 days',
	};
}

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const which = this.getNodeParameter('explainRun', itemIndex, 'id') as string;
	const { runId, maxRows } = validated(this, itemIndex, () => ({
		runId: which === 'id' ? readId('Run ID', this.getNodeParameter('runId', itemIndex, '')) : '',
		maxRows: readPositiveInteger('Max Row Items', this.getNodeParameter('maxRows', itemIndex, 100)),
	}));
	const flowId = which === 'id' ? '' : readEntityId(this, itemIndex, DATAFLOW);
	const attach = this.getNodeParameter('attachFiles', itemIndex, false) === true;

	const run = which === 'id' ? await fetchRun(client, runId, itemIndex) : await latestFailed(client, flowId, itemIndex);
	if (!run) {
		const none: RunFacts = { runId: null, flowId, runStatus: null, failedRecordCount: null, batchId: null };
		return [explanationItem(none, { kind: 'noErrors', message: `None of the latest ${LOOK_BACK} runs of dataflow ${flowId} failed or had records fail`, advice: null })];
	}
	const facts = runFacts(run, batchIdOf(run));
	const found = needsExplaining(run) ? await explain(client, run, maxRows, itemIndex) : [];
	if (found.length === 0 && needsExplaining(run)) return [explanationItem(facts, { kind: 'runError', source: 'run', message: `Run ${facts.runId} ended ${facts.runStatus ?? 'without a status'}, and the Platform gives no reason` })];
	if (found.length === 0) return [explanationItem(facts, { kind: 'noErrors', message: `Run ${facts.runId} ended ${facts.runStatus ?? 'without a status'} with no errors and no failed records: there is nothing to explain`, advice: null })];
	const items: IDataObject[] = [];
	for (const { fields, file } of found) {
		const item = explanationItem(facts, fields);
		if (attach && file) attachBinary(item, { data: await this.helpers.prepareBinaryData(file.bytes, file.name, 'application/json') });
		items.push(item);
	}
	return items;
}
