/** Which handler answers which method and path below the Flow Service base. */
import type { IncomingMessage } from 'node:http';

import type { Connections } from './connections';
import { flowError } from './errors';
import type { RequestContext } from './gateway';
import { header, readJsonBody } from './gateway';
import { checkParameters, filterItems, readFilters } from './listing';
import { publicView } from './store';
import { CONNECTION_SPECS } from './specs';

export const BASE_PATH = '/data/foundation/flowservice';

export interface Answer {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export async function route(req: IncomingMessage, ctx: RequestContext, path: string, url: URL, connections: Connections): Promise<Answer> {
	const method = req.method ?? 'GET';
	const query = url.searchParams;
	const body = ['POST', 'PUT', 'PATCH'].includes(method) ? await readJsonBody(req, ctx.requestId) : undefined;
	const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
	const [collection, id, action] = segments;

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
