/**
 * A Flow Service emulator: an HTTP server on loopback that answers like Adobe Experience
 * Platform's Flow Service API and Adobe IMS do, as far as Adobe documents them. It is a reading of
 * Adobe's docs of its own: nothing here comes from the node's code. This file is the HTTP wiring —
 * faults, throttling, the log — around the gateway (gateway.ts), IMS (ims.ts) and the routes (routes.ts).
 * Its log records method, path, status, org and sandbox — never a header value or a body.
 */
import { randomUUID } from 'node:crypto';
import type { Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { Clock } from './clock';
import { Connections } from './connections';
import { CODES, HttpError } from './errors';
import type { DatabaseAccess } from './explore';
import { FaultPlan } from './faults';
import type { RequestContext } from './gateway';
import { authenticate, header, readText } from './gateway';
import type { ImsClient } from './ims';
import { Ims, IMS_TOKEN_PATH } from './ims';
import { Pager } from './listing';
import { Pipeline } from './pipeline';
import { BASE_PATH, route, serviceOf } from './routes';
import type { StoredConnection } from './store';
import { ConnectionStore, makeConnection } from './store';
import { CONNECTION_SPECS } from './specs';

export { BASE_PATH } from './routes';
export { IMS_TOKEN_PATH } from './ims';
export type { ImsClient } from './ims';
export { MASK } from './store';
export type { StoredConnection } from './store';
export { Clock, parseDuration } from './clock';

export interface EmulatorOptions {
	port?: number;
	/** Access tokens accepted as they are (the pasted-token credential). */
	tokens?: string[];
	/** API keys (client ids) accepted with those tokens. */
	apiKeys?: string[];
	/** OAuth Server-to-Server clients the IMS endpoint knows. */
	imsClients?: ImsClient[];
	/** Life of an IMS-issued token. */
	tokenTtlSeconds?: number;
	sandboxes?: string[];
	/** Added to every answer, to make benchmarks look like a network. */
	latencyMs?: number;
	/**
	 * Spread around latencyMs: each answer waits latencyMs ± up to this much, uniformly (e.g. 150 ± 50:
	 * 100–200 ms). A network across the internet never answers in a fixed time, and the node's limiter
	 * reads queueing from latency against the fastest answer of late, so a benchmark with a spread
	 * checks that ordinary jitter is not taken for a queue. Uniform rather than long-tailed: the same
	 * spread in every run, so that runs compare.
	 */
	latencyJitterMs?: number;
	/** Requests per second allowed before 429 (a sliding one-second window); off when absent. */
	rateLimitPerSecond?: number;
	/** Largest page of a list. */
	maxPageSize?: number;
	/** How long a new connection, source or target connection, dataflow or mapping set takes to show in lists (default 0). */
	listingDelayMs?: number;
	databaseAccess?: DatabaseAccess;
	/** How long a dataflow run takes after it has read its table (default 300 ms), so that a client sees it in progress. */
	runDurationMs?: number;
	/** Log lines go here as well as into `log`. */
	onLog?: (line: string) => void;
}

export interface Emulator {
	url: string;
	port: number;
	/** Flow Service base URL, e.g. for a credential's Base URL use `url`. */
	flowServiceUrl: string;
	imsTokenUrl: string;
	faults: FaultPlan;
	log: string[];
	stats: { requests: number; byRoute: Record<string, number>; creates: number; tokensIssued: number; throttled: number };
	/** The connections of one org and sandbox (the real objects, secrets included). */
	connections(org: string, sandbox?: string): StoredConnection[];
	/** Marks a connection as used by a dataflow, so that deleting it fails. */
	markInUse(id: string): void;
	/**
	 * Datasets, schemas, mapping sets, source and target connections, dataflows and runs. For runs:
	 * `pipeline.runs.planOutcome(flowId, 'fail' | 'success' | { failedRecords: n } | { failedRows: [{ column, value }] }, times?)` says how
	 * a dataflow's next runs end; `pipeline.runs.seed(flowId, [{ startedAt, durationMs?, status, read?,
	 * written?, failed?, errors? }])` adds runs that ended in the past, at once.
	 */
	pipeline: Pipeline;
	/** The Platform's time: move it forward (`clock.advance(ms)`, `clock.setNow(epochMs)`) to make scheduled runs come due. */
	clock: Clock;
	/** Makes every IMS-issued token expire now. */
	expireTokens(): void;
	/** Adds connections directly, for paging tests and benchmarks. */
	seedConnections(org: string, sandbox: string, count: number, make?: (i: number) => Partial<StoredConnection>): void;
	setRateLimit(perSecond: number | undefined): void;
	/** How long new objects take to show in lists from now on (0: at once). */
	setListingDelay(ms: number): void;
	/** Added to every answer from now on (0: none), ± up to `jitterMs` (see latencyJitterMs). */
	setLatency(ms: number, jitterMs?: number): void;
	reset(): void;
	close(): Promise<void>;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const clock = new Clock();
	const ims = new Ims(options.imsClients ?? [], options.tokenTtlSeconds ?? 86399, clock);
	const gateway = {
		tokens: new Set(options.tokens ?? ['emulator-token']),
		apiKeys: new Set(options.apiKeys ?? ['emulator-client']),
		sandboxes: new Set(options.sandboxes ?? ['prod', 'dev']),
		ims,
	};
	const store = new ConnectionStore();
	const pager = new Pager(options.maxPageSize ?? 100, clock);
	pager.listingDelayMs = options.listingDelayMs ?? 0;
	const connections = new Connections(store, pager, clock, options.databaseAccess);
	const pipeline = new Pipeline(store, pager, { runDurationMs: options.runDurationMs ?? 300, clock, databaseAccess: options.databaseAccess });
	let rateLimit = options.rateLimitPerSecond;
	let latencyMs = options.latencyMs ?? 0;
	let jitterMs = Math.min(latencyMs, options.latencyJitterMs ?? 0);
	const answerDelay = () => latencyMs + (jitterMs ? (Math.random() * 2 - 1) * jitterMs : 0);
	const recent: number[] = [];
	const faults = new FaultPlan();
	const log: string[] = [];
	const stats = { requests: 0, byRoute: {} as Record<string, number>, creates: 0, tokensIssued: 0, throttled: 0 };
	const sockets = new Set<Socket>();

	const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
		if (res.headersSent || res.destroyed) return;
		if (body === undefined) {
			res.writeHead(status, headers);
			res.end();
			return;
		}
		const text = JSON.stringify(body);
		res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
		res.end(text);
	};

	const throttled = (): boolean => {
		if (!rateLimit) return false;
		const now = Date.now();
		while (recent.length && recent[0] <= now - 1000) recent.shift();
		if (recent.length >= rateLimit) return true;
		recent.push(now);
		return false;
	};

	const server: Server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://emulator.local');
		const method = req.method ?? 'GET';
		const requestId = randomUUID();
		stats.requests++;
		res.setHeader('x-request-id', requestId);
		let status = 500;
		let ctx: RequestContext | undefined;
		const service = serviceOf(url.pathname);
		const path = service?.path ?? url.pathname;
		const routeKey = `${method} ${service && service.service !== 'flowservice' ? `/${service.service}` : ''}${path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}')}`;
		stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1;
		try {
			if (latencyMs) await delay(answerDelay());
			if (url.pathname === IMS_TOKEN_PATH && method === 'POST') {
				const answer = ims.issue(new URLSearchParams(await readText(req)));
				if (answer.status === 200) stats.tokensIssued++;
				status = answer.status;
				send(res, answer.status, answer.body);
				return;
			}
			if (!service) throw new HttpError(404, { error_code: '404000', message: 'Not found' });
			if (throttled()) {
				stats.throttled++;
				throw new HttpError(429, { error_code: '429050', message: 'Too many requests' });
			}
			const fault = faults.take(method, path);
			if (fault?.type === 'status') {
				status = fault.status;
				send(res, fault.status, fault.body ?? { error_code: `${fault.status}000`, message: 'Injected fault' }, fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {});
				return;
			}
			if (fault?.type === 'html') {
				status = fault.status;
				res.writeHead(fault.status, { 'Content-Type': 'text/html' });
				res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
				return;
			}
			if (fault?.type === 'resetBefore') {
				status = 0;
				req.socket.destroy();
				return;
			}
			if (fault?.type === 'delay') await delay(fault.ms);
			if (fault?.type === 'expireTokens') ims.expireAll();
			ctx = authenticate(req, requestId, gateway);
			const answer = await route(req, ctx, service.service, path, url, connections, pipeline);
			if (method === 'POST' && answer.status === 201) stats.creates++;
			status = answer.status;
			if (fault?.type === 'resetAfter') {
				status = 0;
				req.socket.destroy();
				return;
			}
			if (fault?.type === 'truncated') {
				const text = JSON.stringify(answer.body ?? {});
				res.writeHead(answer.status, { 'Content-Type': 'application/json' });
				res.end(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
				return;
			}
			if (answer.raw !== undefined) {
				res.writeHead(answer.status, { 'Content-Length': Buffer.byteLength(answer.raw), ...answer.headers });
				res.end(answer.raw);
				return;
			}
			send(res, answer.status, answer.body, answer.headers);
		} catch (error) {
			if (error instanceof HttpError) {
				status = error.status;
				send(res, error.status, error.body);
			} else {
				status = 500;
				const { code, title } = CODES.internal;
				const message = 'An internal error has occurred. Please try again. If the problem persists, please contact customer support.';
				send(res, 500, { type: `https://ns.adobe.com/aep/errors/FLOW-${code}`, title, status: 500, report: { 'detailed-message': message, 'request-id': requestId } });
			}
		} finally {
			const org = ctx?.org ?? header(req, 'x-gw-ims-org-id') ?? '-';
			const line = `${new Date().toISOString()} ${method} ${url.pathname} ${status} org=${org} sandbox=${ctx?.sandbox ?? '-'} request-id=${requestId}`;
			log.push(line);
			options.onLog?.(line);
		}
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	server.keepAliveTimeout = 1000;

	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	const url = `http://127.0.0.1:${port}`;

	return {
		url,
		port,
		flowServiceUrl: url + BASE_PATH,
		imsTokenUrl: url + IMS_TOKEN_PATH,
		faults,
		log,
		stats,
		connections: (org, sandbox = 'prod') => [...store.bucket(org, sandbox).values()],
		markInUse: (id) => store.inUse.add(id),
		pipeline,
		clock,
		expireTokens: () => ims.expireAll(),
		seedConnections: (org, sandbox, count, make) => {
			const spec = CONNECTION_SPECS.find((s) => s.name === 'ibm-db2') ?? CONNECTION_SPECS[0];
			const owner = { org, sandbox, clientId: 'seed' };
			for (let i = 0; i < count; i++) {
				const name = `seeded-${String(i).padStart(6, '0')}`;
				store.put(makeConnection(owner, { name, connectionSpec: { id: spec.id, version: spec.version }, auth: { specName: spec.authSpec[0].name, params: {} }, ...make?.(i) }, clock.now()));
			}
		},
		setListingDelay: (ms) => {
			pager.listingDelayMs = ms;
		},
		setLatency: (ms, jitter = 0) => {
			latencyMs = ms;
			jitterMs = Math.min(ms, jitter);
		},
		setRateLimit: (perSecond) => {
			rateLimit = perSecond;
			recent.length = 0;
		},
		reset: () => {
			store.clear();
			pager.clear();
			pipeline.clear();
			faults.clear();
			log.length = 0;
			Object.assign(stats, { requests: 0, byRoute: {}, creates: 0, tokensIssued: 0, throttled: 0 });
		},
		close: async () => {
			await pipeline.runs.settle();
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
