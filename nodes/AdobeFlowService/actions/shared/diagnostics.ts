/**
 * A run's batch and its error diagnostics: Catalog's batch (`GET /batches/{id}`: status, errors with
 * per-code counts, whether diagnostics were on) and the Data Access API's files (`/batches/{id}/meta`
 * and `/batches/{id}/failed`: listings paged by `start` and `limit` ≤ 100, each file downloaded by its
 * `path`). Every address is built from the credential's Base URL and the batch id: the URLs a run's
 * manifest holds (on other hosts in Adobe's examples) and the listings' hrefs are never followed.
 * A 404 is an answer here (null), not an error: diagnostics that never were, or that have expired.
 */
import type { IDataObject } from 'n8n-workflow';

import type { FlowServiceClient, FlowServiceRequest, FlowServiceResponse } from '../../transport';

/** Most entries a Data Access listing gives at once. */
const PAGE = 100;
/** Pages read at most, so that a listing that never ends cannot hold the node. */
const MAX_PAGES = 50;

export interface BatchErrorInfo {
	code: string;
	description: string | null;
	recordCount: number | null;
}

export interface CatalogBatch {
	id: string;
	status: string | null;
	/** What the batch's tags say of error diagnostics; null where it has no such tag. */
	diagnosticsEnabled: boolean | null;
	failedRecordCount: number | null;
	errors: BatchErrorInfo[];
}

export interface DiagnosticsFile {
	name: string;
	length: number | null;
}

const activitiesOf = (run: IDataObject) => (Array.isArray(run.activities) ? (run.activities as IDataObject[]) : []);

/** The batch id of a run: the promotion activity's target reference, else the manifests' URLs, else the status extensions. */
export function batchIdOf(run: IDataObject): string | null {
	for (const activity of activitiesOf(run)) {
		for (const target of (Array.isArray(activity.targetInfo) ? activity.targetInfo : []) as IDataObject[]) {
			const reference = (target.reference ?? {}) as IDataObject;
			if (reference.type === 'Batch' && Array.isArray(reference.ids) && typeof reference.ids[0] === 'string') return reference.ids[0];
		}
	}
	const text = JSON.stringify(activitiesOf(run));
	const fromUrl = /\/batches\/([A-Za-z0-9-]+)\/(?:meta|failed)/.exec(text);
	if (fromUrl) return fromUrl[1];
	const extensions = (((run.metrics as IDataObject | undefined)?.statusSummary as IDataObject | undefined)?.extensions ?? {}) as IDataObject;
	return typeof extensions.batchId === 'string' ? extensions.batchId : null;
}

/** The answer, or null where the Platform has nothing there (404). */
async function unlessNotFound<T>(client: FlowServiceClient, request: FlowServiceRequest<T>): Promise<FlowServiceResponse<T> | null> {
	const answer = await client.request<T>({ ...request, answerStatuses: [404] });
	return answer.statusCode === 404 ? null : answer;
}

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Catalog's batch, or null where Catalog has none. */
export async function fetchCatalogBatch(client: FlowServiceClient, batchId: string, itemIndex: number): Promise<CatalogBatch | null> {
	const answer = await unlessNotFound<Record<string, IDataObject>>(client, { service: 'catalog', method: 'GET', path: `/batches/${encodeURIComponent(batchId)}`, itemIndex });
	const batch = answer?.body?.[batchId] ?? Object.values(answer?.body ?? {})[0];
	if (!batch || typeof batch !== 'object') return null;
	const tags = (batch.tags ?? {}) as IDataObject;
	const flag = tags.acp_enableErrorDiagnostics;
	return {
		id: batchId,
		status: typeof batch.status === 'string' ? batch.status : null,
		diagnosticsEnabled: typeof flag === 'boolean' ? flag : flag === 'true' ? true : flag === 'false' ? false : null,
		failedRecordCount: count((batch.metrics as IDataObject | undefined)?.failedRecordCount),
		errors: ((Array.isArray(batch.errors) ? batch.errors : []) as IDataObject[]).map((e) => ({
			code: String(e.code ?? 'unknown'),
			description: typeof e.description === 'string' ? e.description : typeof e.message === 'string' ? e.message : null,
			recordCount: count(e.recordCount),
		})),
	};
}

/** The files of a Data Access listing (`meta` with a path such as `row_errors`, or `failed`), every page; null on a 404. */
export async function listDiagnosticsFiles(client: FlowServiceClient, batchId: string, where: 'meta' | 'failed', path: string | undefined, itemIndex: number): Promise<DiagnosticsFile[] | null> {
	const files: DiagnosticsFile[] = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const qs: IDataObject = { start: files.length, limit: PAGE, ...(path ? { path } : {}) };
		const answer = await unlessNotFound<{ data?: IDataObject[]; _page?: { limit?: unknown } }>(client, { service: 'dataaccess', method: 'GET', path: `/batches/${encodeURIComponent(batchId)}/${where}`, qs, itemIndex });
		if (answer === null) return page === 0 ? null : files;
		const data = Array.isArray(answer.body?.data) ? answer.body.data : [];
		files.push(...data.filter((f) => typeof f.name === 'string').map((f) => ({ name: String(f.name), length: Number.isFinite(Number(f.length)) ? Number(f.length) : null })));
		// A page shorter than the one asked for (or than the Platform's own limit) is the last.
		if (data.length === 0 || data.length < Math.min(PAGE, Number(answer.body?._page?.limit) || PAGE)) return files;
	}
	return files;
}

/** One file's bytes (`?path=<path>`), or null on a 404. */
export async function downloadDiagnosticsFile(client: FlowServiceClient, batchId: string, where: 'meta' | 'failed', path: string, itemIndex: number): Promise<Buffer | null> {
	const answer = await unlessNotFound<Buffer>(client, { service: 'dataaccess', method: 'GET', path: `/batches/${encodeURIComponent(batchId)}/${where}`, qs: { path }, download: true, itemIndex });
	return answer?.body ?? null;
}
