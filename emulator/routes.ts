/** Which handler answers which method and path below the Flow Service base. */
import type { IncomingMessage } from 'node:http';

import type { Connections } from './connections';
import { flowError } from './errors';
import type { RequestContext } from './gateway';
import { header, readJsonBody } from './gateway';
import { checkParameters, filterItems, readFilters } from './listing';
import type { Pipeline } from './pipeline';
import { routeFlowService, routeService } from './pipeline/routes';
import { publicView } from './store';
import { CONNECTION_SPECS } from './specs';

export const BASE_PATH = '/data/foundation/flowservice';

/** The Platform services the emulator answers, by the base path each lives under. */
export const SERVICE_PATHS = {
	flowservice: BASE_PATH,
	conversion: '/data/foundation/conversion',
	catalog: '/data/foundation/catalog',
	schemaregistry: '/data/foundation/schemaregistry',
	export: '/data/foundation/export',
} as const;

export type Service = keyof typeof SERVICE_PATHS;

/** The service a URL path is for, and the path below its base. */
export function serviceOf(pathname: string): { service: Service; path: string } | undefined {
	for (const [service, base] of Object.entries(SERVICE_PATHS) as Array<[Service, string]>) {
		if (pathname === base || pathname.startsWith(`${base}/`)) return { service, path: pathname.slice(base.length) || '/' };
	}
	return undefined;
}

export interface Answer {
	status: number;
	body?: unknown;
	/** A body sent as it is, not as JSON (a Data Access file). */
	raw?: string;
	headers?: Record<string, string>;
}

export async function route(req: IncomingMessage, ctx: RequestContext, service: Service, path: string, url: URL, connections: Connections, pipeline: Pipeline): Promise<Answer> {
	const method = req.method ?? 'GET';
	const query = url.searchParams;
	const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
	// A flow action (`POST /flows/{id}/action?op=…`) has no body: aepp sends none, nor a content type.
	const bodiless = segments[2] === 'action';
	const body = ['POST', 'PUT', 'PATCH'].includes(method) && !bodiless ? await readJsonBody(req, ctx.requestId) : undefined;
	const [collection, id, action] = segments;
	if (service === 'export') return pipeline.runs.batches.dataAccess(ctx, segments, query);
	if (service !== 'flowservice') return routeService(pipeline, service, req, ctx, segments, url, body);
	const answer = routeFlowService(pipeline, req, ctx, segments, url, body);
	if (answer) return answer;

	if (collection === 'connectionSpecs' && method === 'GET' && segments.length <= 2) {
		if (id === undefined) {
			checkParameters('/connectionSpecs', query, ctx.requestId);
			return { status: 200, body: { items: filterItems(CONNECTION_SPECS, readFilters(query, ctx.requestId)) } };
		}
		const spec = CONNECTION_SPECS.find((s) => s.id === id);
		if (!spec) throw flowError('notFound', `The requested connectionSpec resource ${id} is not found.`, ctx.requestId);
		return { status: 200, body: { items: [spec] } };
	}

	if (collection === 'connections') {
		if (segments.length === 1 && method === 'POST') {
			const created = connections.create(ctx, body);
			return { status: 201, body: { id: created.id, etag: created.etag }, headers: { Location: `${BASE_PATH}/connections/${created.id}` } };
		}
		if (segments.length === 1 && method === 'GET') return { status: 200, body: connections.list(ctx, query, url.search) };
		if (segments.length === 2 && method === 'GET') return { status: 200, body: { items: [publicView(connections.find(ctx, id))] } };
		if (segments.length === 2 && method === 'PATCH') {
			const updated = connections.update(ctx, id, header(req, 'if-match'), body);
			return { status: 200, body: { id: updated.id, etag: updated.etag } };
		}
		if (segments.length === 2 && method === 'DELETE') {
			connections.delete(ctx, id);
			return { status: 204 };
		}
		if (segments.length === 3 && method === 'GET' && action === 'test') return { status: 200, body: await connections.test(ctx, id) };
		if (segments.length === 3 && method === 'GET' && action === 'explore') return { status: 200, body: await connections.explore(ctx, id, query) };
	}
	throw flowError('notFound', `The requested resource is not found: ${method} ${path}`, ctx.requestId);
}
