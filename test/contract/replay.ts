/**
 * A small HTTP server per test that answers with Adobe's documented responses and records what it
 * was sent: the node meets the documented answers, and its requests are compared with the documented ones.
 */
import type { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
	method: string;
	path: string;
	/** The query as sent, not decoded. */
	rawQuery: string;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	body: unknown;
	text: string;
}

export interface Route {
	method: string;
	/** Matched against the path below the Flow Service base (or the IMS path). */
	path: RegExp;
	/** Matched against the query as sent, where given. */
	query?: RegExp;
	/** Answers one request after another; the last is repeated. */
	answers: Array<{ status: number; body?: unknown; headers?: Record<string, string> }>;
}

export interface Replay {
	url: string;
	requests: Recorded[];
	close(): Promise<void>;
}

const BASE = '/data/foundation/flowservice';

export async function startReplay(routes: Route[]): Promise<Replay> {
	const requests: Recorded[] = [];
	const served = new Map<Route, number>();
	const server: Server = createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		const [pathname, rawQuery = ''] = (req.url ?? '/').split('?');
		const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
		let body: unknown = text;
		try {
			body = text ? JSON.parse(text) : undefined;
		} catch {
			// a form, kept as text
		}
		requests.push({ method: req.method ?? 'GET', path, rawQuery, query: new URLSearchParams(rawQuery), headers: req.headers, body, text });
		const route = routes.find((r) => r.method === req.method && r.path.test(path) && (r.query === undefined || r.query.test(rawQuery)));
		if (!route) {
			res.writeHead(599, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ error_code: '599000', message: `No documented answer for ${req.method} ${path}` }));
			return;
		}
		const index = Math.min(served.get(route) ?? 0, route.answers.length - 1);
		served.set(route, index + 1);
		const answer = route.answers[index];
		const payload = answer.body === undefined ? '' : JSON.stringify(answer.body);
		res.writeHead(answer.status, { ...(payload ? { 'Content-Type': 'application/json' } : {}), 'x-request-id': 'replay-request-id', ...answer.headers });
		res.end(payload);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		requests,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
