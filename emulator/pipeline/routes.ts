/** Which handler answers which method and path of the pipeline, per service base. */
import type { IncomingMessage } from 'node:http';

import { flowError, serviceError } from '../errors';
import type { RequestContext } from '../gateway';
import { header } from '../gateway';
import { filterItems, readFilters } from '../listing';
import type { Answer } from '../routes';
import { CRM_TO_AEP } from './flows';
import type { Pipeline } from './index';
import { retrigger } from './retrigger';
import { publicRun } from './runs';

const created = (id: string, etag: string, location: string): Answer => ({ status: 201, body: { id, etag }, headers: { Location: location } });

/** Below `/data/foundation/flowservice`: answers, or undefined when the path is not the pipeline's. */
export function routeFlowService(pipeline: Pipeline, req: IncomingMessage, ctx: RequestContext, segments: string[], url: URL, body: unknown): Answer | undefined {
	const method = req.method ?? 'GET';
	const [collection, id, action] = segments;
	const query = url.searchParams;
	if (collection === 'flowSpecs' && method === 'GET' && segments.length <= 2) {
		if (id !== undefined) {
			if (id !== CRM_TO_AEP.id) throw flowError('notFound', `The requested flowSpec resource ${id} is not found.`, ctx.requestId);
			return { status: 200, body: { items: [CRM_TO_AEP] } };
		}
		return { status: 200, body: { items: filterItems([CRM_TO_AEP], readFilters(query, ctx.requestId)) } };
	}
	if (collection === 'sourceConnections' || collection === 'targetConnections') {
		const source = collection === 'sourceConnections';
		if (segments.length === 1 && method === 'POST') {
			const made = source ? pipeline.connections.createSource(ctx, body) : pipeline.connections.createTarget(ctx, body);
			return created(made.id, made.etag, `${url.pathname}/${made.id}`);
		}
		if (segments.length === 1 && method === 'GET') return { status: 200, body: pipeline.connections.list(collection, ctx, query, url.search) };
		if (segments.length === 2 && method === 'GET') return { status: 200, body: { items: [source ? pipeline.connections.findSource(ctx, id) : pipeline.connections.findTarget(ctx, id)] } };
		if (segments.length === 2 && method === 'PATCH') {
			const updated = pipeline.connections.update(collection, ctx, id, header(req, 'if-match'), body);
			return { status: 200, body: { id: updated.id, etag: updated.etag } };
		}
		if (segments.length === 2 && method === 'DELETE') {
			pipeline.connections.delete(collection, ctx, id);
			return { status: 204 };
		}
	}
	if (collection === 'flows') {
		if (segments.length === 1 && method === 'POST') {
			if (query.has('mode')) throw flowError('badRequest', 'The request is invalid. Please check the request and try again.', ctx.requestId);
			const flow = pipeline.flows.create(ctx, body);
			return created(flow.id, flow.etag, `${url.pathname}/${flow.id}`);
		}
		pipeline.runs.catchUp(ctx);
		if (segments.length === 1 && method === 'GET') return { status: 200, body: pipeline.flows.list(ctx, query, url.search) };
		if (segments.length === 2 && method === 'GET') return { status: 200, body: { items: [pipeline.flows.find(ctx, id)] } };
		if (segments.length === 2 && method === 'PATCH') {
			const flow = pipeline.flows.update(ctx, id, header(req, 'if-match'), body);
			return { status: 200, body: { id: flow.id, etag: flow.etag } };
		}
		if (segments.length === 2 && method === 'DELETE') {
			pipeline.flows.delete(ctx, id);
			return { status: 204 };
		}
		if (segments.length === 3 && action === 'action' && method === 'POST') {
			const flow = pipeline.flows.action(ctx, id, query.get('op'), header(req, 'if-match'));
			return { status: 200, body: { id: flow.id, etag: flow.etag } };
		}
	}
	if (collection === 'runs') {
		if (segments.length === 1 && method === 'POST') {
			const run = pipeline.runs.createOnDemand(ctx, body);
			return { status: 201, body: { items: [{ id: run.id, etag: run.etag }] } };
		}
		if (segments.length === 1 && method === 'GET') return { status: 200, body: pipeline.runs.list(ctx, query, url.search) };
		if (segments.length === 2 && method === 'GET') return { status: 200, body: { items: [publicRun(pipeline.runs.find(ctx, id))] } };
		if (segments.length === 3 && action === 'action' && method === 'POST') {
			const run = retrigger(pipeline, ctx, id, query.get('op'));
			return { status: 200, body: { id: run.id, etag: run.etag } };
		}
	}
	return undefined;
}

/** Below `/data/foundation/conversion`, `/catalog` and `/schemaregistry`. */
export function routeService(pipeline: Pipeline, service: 'conversion' | 'catalog' | 'schemaregistry', req: IncomingMessage, ctx: RequestContext, segments: string[], url: URL, body: unknown): Answer {
	const method = req.method ?? 'GET';
	const query = url.searchParams;
	const accept = header(req, 'accept') ?? '';
	if (service === 'conversion' && segments[0] === 'mappingSets') {
		if (segments.length === 1 && method === 'POST') return { status: 200, body: pipeline.mappingSets.create(ctx, body) };
		if (segments.length === 1 && method === 'GET') return { status: 200, body: pipeline.mappingSets.list(ctx, query) };
		if (segments.length === 2 && method === 'GET') return { status: 200, body: pipeline.mappingSets.get(ctx, segments[1]) };
	}
	if (service === 'catalog' && segments[0] === 'dataSets') {
		if (segments.length === 1 && method === 'POST') return { status: 201, body: pipeline.dataLake.createDataset(ctx, body) };
		if (segments.length === 1 && method === 'GET') return { status: 200, body: pipeline.dataLake.listDatasets(ctx, query) };
		if (segments.length === 2 && method === 'GET') return { status: 200, body: pipeline.dataLake.getDataset(ctx, segments[1]) };
	}
	if (service === 'catalog' && segments[0] === 'batches' && segments.length === 2 && method === 'GET') return { status: 200, body: pipeline.runs.batches.catalogBatch(ctx, segments[1]) };
	if (service === 'schemaregistry' && segments[0] === 'tenant' && segments[1] === 'schemas' && method === 'GET') {
		if (segments.length === 2) return { status: 200, body: pipeline.dataLake.listSchemas(ctx, query, accept) };
		if (segments.length === 3) return { status: 200, body: pipeline.dataLake.getSchema(ctx, segments[2], accept) };
	}
	throw serviceError(service, 404, 'Not Found', `No resource at ${method} ${url.pathname}`);
}
