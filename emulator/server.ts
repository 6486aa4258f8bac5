/**
 * A Flow Service emulator: an HTTP server on loopback that answers like Adobe Experience
 * Platform's Flow Service API and Adobe IMS do, as far as Adobe documents them. It checks
 * headers and bodies as the Platform does and answers with Platform-shaped errors.
 * Its log records method, path, status, org and sandbox — never a header value or a body.
 */
import Ajv from 'ajv';
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { DatabaseAccess } from './explore';
import { describeTable, listTables, SourceError, targetOf, testConnection } from './explore';
import { FaultPlan } from './faults';
import type { PropertyFilter } from './filters';
import { matches, parseProperty } from './filters';
import type { ConnectionSpec } from './specs';
import { CONNECTION_SPECS, secretParams } from './specs';

export const BASE_PATH = '/data/foundation/flowservice';
export const IMS_TOKEN_PATH = '/ims/token/v3';
export const MASK = '**********';

export interface ImsClient {
	clientId: string;
	clientSecret: string;
	/** Scopes the client may ask for; all of them if absent. */
	scopes?: string[];
}

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
	/** Requests per second allowed before 429 (a sliding one-second window); off when absent. */
	rateLimitPerSecond?: number;
	/** Largest page of a list. */
	maxPageSize?: number;
	databaseAccess?: DatabaseAccess;
	/** Log lines go here as well as into `log`. */
	onLog?: (line: string) => void;
}

export interface StoredConnection {
	id: string;
	name: string;
	description?: string;
	connectionSpec: { id: string; version: string };
	state: 'enabled' | 'disabled';
	auth: { specName: string; params: Record<string, string> };
	version: string;
	etag: string;
	createdAt: number;
	updatedAt: number;
	createdBy: string;
	createdClient: string;
	updatedBy: string;
	updatedClient: string;
	sandboxId: string;
	sandboxName: string;
	imsOrgId: string;
}

interface RequestContext {
	org: string;
	sandbox: string;
	clientId: string;
	requestId: string;
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
	/** Makes every IMS-issued token expire now. */
	expireTokens(): void;
	/** Adds connections directly, for paging tests and benchmarks. */
	seedConnections(org: string, sandbox: string, count: number, make?: (i: number) => Partial<StoredConnection>): void;
	setRateLimit(perSecond: number | undefined): void;
	reset(): void;
	close(): Promise<void>;
}

class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
	) {
		super(`HTTP ${status}`);
	}
}

function gatewayError(status: number, code: string, message: string): HttpError {
	return new HttpError(status, { error_code: code, message });
}

function flowError(code: string, title: string, message: string, requestId: string): HttpError {
	const status = Number(code.slice(-3));
	return new HttpError(status, {
		type: `https://ns.adobe.com/aep/errors/FLOW-${code}`,
		title,
		status,
		report: { 'detailed-message': message, 'request-id': requestId },
		errorMessage: message,
		errorDetails: message,
	});
}

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

function unquoteEtag(etag: string): string {
	return etag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const tokens = new Set(options.tokens ?? ['emulator-token']);
	const apiKeys = new Set(options.apiKeys ?? ['emulator-client']);
	const imsClients = options.imsClients ?? [];
	const sandboxes = new Set(options.sandboxes ?? ['prod', 'dev']);
	const tokenTtlSeconds = options.tokenTtlSeconds ?? 86399;
	const maxPageSize = options.maxPageSize ?? 100;
	let rateLimit = options.rateLimitPerSecond;
	const recent: number[] = [];

	const issued = new Map<string, { clientId: string; expiresAt: number }>();
	const store = new Map<string, Map<string, StoredConnection>>();
	const inUse = new Set<string>();
	const faults = new FaultPlan();
	const log: string[] = [];
	const stats = { requests: 0, byRoute: {} as Record<string, number>, creates: 0, tokensIssued: 0, throttled: 0 };
	const sockets = new Set<Socket>();

	const ajv = new Ajv({ allErrors: true, strict: false });
	ajv.addFormat('password', true);
	const validators = new Map(CONNECTION_SPECS.flatMap((spec) => spec.authSpec.map((a) => [`${spec.id}/${a.name}`, ajv.compile(a.spec)] as const)));

	const bucket = (org: string, sandbox: string) => {
		const key = `${org}/${sandbox}`;
		if (!store.has(key)) store.set(key, new Map());
		return store.get(key)!;
	};

	const writeLog = (line: string) => {
		log.push(line);
		options.onLog?.(line);
	};

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

	function authenticate(req: IncomingMessage, requestId: string): RequestContext {
		const authorization = header(req, 'authorization');
		if (!authorization || !/^Bearer\s+\S+/i.test(authorization)) throw gatewayError(403, '403010', 'Oauth token is missing.');
		const token = authorization.replace(/^Bearer\s+/i, '').trim();
		const fromIms = issued.get(token);
		if (!tokens.has(token) && !(fromIms && fromIms.expiresAt > Date.now())) throw gatewayError(401, '401013', 'Oauth token is not valid');
		const apiKey = header(req, 'x-api-key');
		if (!apiKey) throw gatewayError(403, '403000', 'Api Key is required');
		if (fromIms ? apiKey !== fromIms.clientId : !apiKeys.has(apiKey)) throw gatewayError(403, '403003', 'Api Key is invalid');
		const org = header(req, 'x-gw-ims-org-id');
		if (!org) throw gatewayError(400, '400003', 'Missing header');
		const sandbox = header(req, 'x-sandbox-name');
		if (!sandbox) throw flowError('2105-400', 'Bad Request', 'The x-sandbox-name header is missing', requestId);
		if (!sandboxes.has(sandbox)) throw flowError('2100-404', 'Not Found', `Sandbox ${sandbox} was not found`, requestId);
		return { org, sandbox, clientId: apiKey, requestId };
	}

	function publicView(connection: StoredConnection): StoredConnection {
		const spec = CONNECTION_SPECS.find((s) => s.id === connection.connectionSpec.id);
		const secret = spec ? secretParams(spec, connection.auth.specName) : Object.keys(connection.auth.params);
		const params = Object.fromEntries(Object.entries(connection.auth.params).map(([k, v]) => [k, secret.includes(k) ? MASK : v]));
		return { ...connection, auth: { ...connection.auth, params } };
	}

	function newEtag(): string {
		return `"${randomBytes(8).toString('hex')}-0000-0200-0000-${Date.now().toString(16)}"`;
	}

	function findConnection(ctx: RequestContext, id: string): StoredConnection {
		const connection = bucket(ctx.org, ctx.sandbox).get(id);
		if (!connection) throw flowError('1101-404', 'Resource not found', `The requested connection resource ${id} is not found.`, ctx.requestId);
		return connection;
	}

	function createConnection(ctx: RequestContext, body: Record<string, unknown>): StoredConnection {
		const specRef = body.connectionSpec as { id?: unknown; version?: unknown } | undefined;
		const spec: ConnectionSpec | undefined = CONNECTION_SPECS.find((s) => s.id === specRef?.id);
		if (!spec) throw flowError('1413-400', 'Bad Request', `Invalid connection spec id ${String(specRef?.id)}`, ctx.requestId);
		if (typeof body.name !== 'string' || body.name.trim() === '') {
			throw flowError('1304-400', 'Bad Request', 'Mandatory field name is missing', ctx.requestId);
		}
		const auth = body.auth as { specName?: unknown; params?: unknown } | undefined;
		const authSpec = spec.authSpec.find((a) => a.name === auth?.specName);
		if (!authSpec) throw flowError('1415-400', 'Bad Request', `Auth spec ${String(auth?.specName)} is not supported by the connection spec`, ctx.requestId);
		const validate = validators.get(`${spec.id}/${authSpec.name}`)!;
		const params = (auth?.params ?? {}) as Record<string, string>;
		if (!validate(params)) {
			const missing = (validate.errors ?? []).filter((e) => e.keyword === 'required').map((e) => (e.params as { missingProperty: string }).missingProperty);
			const message = missing.length
				? `Mandatory auth field(s) ${missing.join(', ')} missing`
				: `Invalid auth params: ${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`;
			throw flowError('1304-400', 'Bad Request', message, ctx.requestId);
		}
		const now = Date.now();
		const etag = newEtag();
		const connection: StoredConnection = {
			id: randomUUID(),
			name: body.name,
			...(typeof body.description === 'string' ? { description: body.description } : {}),
			connectionSpec: { id: spec.id, version: typeof specRef?.version === 'string' ? specRef.version : spec.version },
			state: 'enabled',
			auth: { specName: authSpec.name, params },
			version: etag,
			etag,
			createdAt: now,
			updatedAt: now,
			createdBy: `${ctx.clientId}@AdobeID`,
			createdClient: ctx.clientId,
			updatedBy: `${ctx.clientId}@AdobeID`,
			updatedClient: ctx.clientId,
			sandboxId: `${ctx.sandbox}-sandbox-id`,
			sandboxName: ctx.sandbox,
			imsOrgId: ctx.org,
		};
		bucket(ctx.org, ctx.sandbox).set(connection.id, connection);
		stats.creates++;
		return connection;
	}

	function listConnections(ctx: RequestContext, query: URLSearchParams): unknown {
		const filters: PropertyFilter[] = [];
		for (const property of query.getAll('property')) {
			const filter = parseProperty(property);
			if (!filter) throw flowError('1400-400', 'Bad Request', `Invalid property filter ${property}`, ctx.requestId);
			filters.push(filter);
		}
		let items = [...bucket(ctx.org, ctx.sandbox).values()].filter((c) => filters.every((f) => matches(c as unknown as Record<string, unknown>, f)));
		const orderby = query.get('orderby');
		if (orderby) {
			const descending = orderby.startsWith('-');
			const field = orderby.replace(/^[+-]/, '');
			if (field !== 'name' && field !== 'createdAt' && field !== 'updatedAt') {
				throw flowError('1400-400', 'Bad Request', `Cannot order by ${field}`, ctx.requestId);
			}
			items = items.sort((a, b) => (descending ? -1 : 1) * String(a[field]).localeCompare(String(b[field]), 'en', { numeric: true }) || a.id.localeCompare(b.id));
		}
		if (query.get('count') === 'true') {
			if (query.has('limit')) throw flowError('1401-400', 'Bad Request', 'The limit parameter cannot be used with count', ctx.requestId);
			return { count: items.length };
		}
		const limitText = query.get('limit');
		const limit = limitText === null ? maxPageSize : Number(limitText);
		if (!Number.isInteger(limit) || limit < 1) throw flowError('1400-400', 'Bad Request', 'The limit must be a positive whole number', ctx.requestId);
		const pageSize = Math.min(limit, maxPageSize);
		let offset = 0;
		const token = query.get('continuationToken');
		if (token) {
			const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8') || '{}') as { offset?: number };
			if (typeof decoded.offset !== 'number') throw flowError('1400-400', 'Bad Request', 'Invalid continuation token', ctx.requestId);
			offset = decoded.offset;
		}
		const page = items.slice(offset, offset + pageSize).map(publicView);
		const body: Record<string, unknown> = { items: page };
		if (offset + pageSize < items.length) {
			const next = new URLSearchParams(query);
			next.set('continuationToken', Buffer.from(JSON.stringify({ offset: offset + pageSize })).toString('base64url'));
			body._links = { next: { href: `/connections?${next.toString()}` } };
		}
		return body;
	}

	function patchConnection(ctx: RequestContext, id: string, ifMatch: string | undefined, patch: unknown): StoredConnection {
		const connection = findConnection(ctx, id);
		if (!ifMatch) throw flowError('1403-400', 'Bad Request', 'The If-Match header with the current etag is required', ctx.requestId);
		if (unquoteEtag(ifMatch) !== unquoteEtag(connection.etag)) {
			throw flowError('1404-412', 'Precondition Failed', `The etag ${ifMatch} does not match the current version of connection ${id}`, ctx.requestId);
		}
		if (!Array.isArray(patch) || patch.length === 0) throw flowError('1405-400', 'Bad Request', 'The request body is empty', ctx.requestId);
		const next: StoredConnection = JSON.parse(JSON.stringify(connection));
		for (const op of patch as Array<{ op?: string; path?: string; value?: unknown }>) {
			if (!['add', 'replace', 'remove'].includes(String(op.op))) throw flowError('1400-400', 'Bad Request', `Unsupported patch operation ${String(op.op)}`, ctx.requestId);
			if (op.path?.startsWith('/connectionSpec')) throw flowError('1414-400', 'Bad Request', 'The connection spec of a connection cannot be changed', ctx.requestId);
			if (op.path === '/name' && op.op !== 'remove' && typeof op.value === 'string' && op.value.trim()) next.name = op.value;
			else if (op.path === '/description') {
				if (op.op === 'remove') delete next.description;
				else next.description = String(op.value ?? '');
			} else if (op.path === '/auth/params' && op.op !== 'remove' && op.value && typeof op.value === 'object') {
				const validate = validators.get(`${next.connectionSpec.id}/${next.auth.specName}`);
				if (validate && !validate(op.value)) throw flowError('1304-400', 'Bad Request', 'Invalid auth params', ctx.requestId);
				next.auth.params = op.value as Record<string, string>;
			} else if (op.path === '/state' && (op.value === 'enabled' || op.value === 'disabled')) next.state = op.value;
			else throw flowError('1400-400', 'Bad Request', `Cannot ${String(op.op)} ${String(op.path)}`, ctx.requestId);
		}
		next.etag = newEtag();
		next.version = next.etag;
		next.updatedAt = Date.now();
		bucket(ctx.org, ctx.sandbox).set(id, next);
		return next;
	}

	async function explore(ctx: RequestContext, connection: StoredConnection, query: URLSearchParams): Promise<unknown> {
		const objectType = query.get('objectType');
		if (!objectType || !['root', 'table', 'folder'].includes(objectType)) {
			throw flowError('1358-400', 'Bad Request', `Invalid objectType ${String(objectType)}`, ctx.requestId);
		}
		if (!CONNECTION_SPECS.some((s) => s.id === connection.connectionSpec.id)) {
			throw flowError('1336-400', 'Bad Request', 'Explore is not supported for this connection spec', ctx.requestId);
		}
		try {
			const target = targetOf(connection.connectionSpec.id, connection.auth.params);
			if (objectType === 'root') return await listTables(target, options.databaseAccess);
			const object = query.get('object');
			if (!object) throw flowError('1337-400', 'Bad Request', 'The object parameter is required for this objectType', ctx.requestId);
			if (objectType === 'folder') return [];
			return await describeTable(target, object, query.get('preview') === 'true', options.databaseAccess);
		} catch (error) {
			if (error instanceof SourceError) {
				if (error.kind === 'notFound') throw flowError('1330-400', 'Bad Request', error.message, ctx.requestId);
				throw flowError('1307-400', 'Bad Request', `Source connection failed: ${error.message}`, ctx.requestId);
			}
			throw error;
		}
	}

	function issueToken(form: URLSearchParams): { status: number; body: unknown } {
		if (form.get('grant_type') !== 'client_credentials') {
			return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' } };
		}
		const client = imsClients.find((c) => c.clientId === form.get('client_id'));
		if (!client) return { status: 400, body: { error: 'invalid_client', error_description: 'invalid client_id parameter' } };
		if (client.clientSecret !== form.get('client_secret')) {
			return { status: 401, body: { error: 'invalid_client', error_description: 'invalid client_secret parameter' } };
		}
		const scopes = (form.get('scope') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
		if (scopes.length === 0 || (client.scopes && scopes.some((s) => !client.scopes!.includes(s)))) {
			return { status: 400, body: { error: 'invalid_scope', error_description: 'Invalid scope' } };
		}
		const token = `ims-${randomBytes(24).toString('hex')}`;
		issued.set(token, { clientId: client.clientId, expiresAt: Date.now() + tokenTtlSeconds * 1000 });
		stats.tokensIssued++;
		return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: tokenTtlSeconds } };
	}

	async function route(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams, requestId: string): Promise<{ status: number; body?: unknown; headers?: Record<string, string>; ctx?: RequestContext }> {
		const method = req.method ?? 'GET';
		const ctx = authenticate(req, requestId);
		let body: unknown;
		if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
			const contentType = header(req, 'content-type') ?? '';
			if (!/^application\/(json|json-patch\+json)\b/i.test(contentType)) {
				throw new HttpError(400, { type: '/placeholder/type/uri', status: 400, title: 'BadRequestError', detail: 'A valid content-type must be specified' });
			}
			const text = await readBody(req);
			try {
				body = text ? JSON.parse(text) : undefined;
			} catch {
				throw flowError('1400-400', 'Bad Request', 'The request body is not valid JSON', requestId);
			}
		}
		const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
		if (segments[0] === 'connectionSpecs' && method === 'GET') {
			if (segments.length === 1) {
				const filters = query.getAll('property').map(parseProperty).filter((f): f is PropertyFilter => f !== undefined);
				return { status: 200, body: { items: CONNECTION_SPECS.filter((s) => filters.every((f) => matches(s as unknown as Record<string, unknown>, f))) }, ctx };
			}
			const spec = CONNECTION_SPECS.find((s) => s.id === segments[1]);
			if (!spec) throw flowError('1101-404', 'Resource not found', `The requested connectionSpec resource ${segments[1]} is not found.`, requestId);
			return { status: 200, body: { items: [spec] }, ctx };
		}
		if (segments[0] !== 'connections') throw flowError('1101-404', 'Resource not found', `No resource at ${path}`, requestId);
		if (segments.length === 1) {
			if (method === 'POST') {
				const created = createConnection(ctx, (body ?? {}) as Record<string, unknown>);
				return { status: 201, body: { id: created.id, etag: created.etag }, headers: { Location: `${BASE_PATH}/connections/${created.id}` }, ctx };
			}
			if (method === 'GET') return { status: 200, body: listConnections(ctx, query), ctx };
		}
		const id = segments[1];
		if (segments.length === 2) {
			if (method === 'GET') return { status: 200, body: { items: [publicView(findConnection(ctx, id))] }, ctx };
			if (method === 'PATCH') {
				const updated = patchConnection(ctx, id, header(req, 'if-match'), body);
				return { status: 200, body: { id: updated.id, etag: updated.etag }, ctx };
			}
			if (method === 'DELETE') {
				findConnection(ctx, id);
				if (inUse.has(id)) throw flowError('1418-400', 'Bad Request', `Connection ${id} is used by one or more dataflows`, requestId);
				bucket(ctx.org, ctx.sandbox).delete(id);
				return { status: 204, ctx };
			}
		}
		if (segments.length === 3 && method === 'GET') {
			const connection = findConnection(ctx, id);
			if (segments[2] === 'test') {
				const ok = await testConnection(targetOf(connection.connectionSpec.id, connection.auth.params), options.databaseAccess).catch(() => false);
				return { status: 200, body: { result: ok }, ctx };
			}
			if (segments[2] === 'explore') return { status: 200, body: await explore(ctx, connection, query), ctx };
		}
		throw flowError('1101-404', 'Resource not found', `No resource for ${method} ${path}`, requestId);
	}

	function throttled(): boolean {
		if (!rateLimit) return false;
		const now = Date.now();
		while (recent.length && recent[0] <= now - 1000) recent.shift();
		if (recent.length >= rateLimit) return true;
		recent.push(now);
		return false;
	}

	const server: Server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://emulator.local');
		const method = req.method ?? 'GET';
		const requestId = randomUUID();
		stats.requests++;
		res.setHeader('x-request-id', requestId);
		let status = 500;
		let ctx: RequestContext | undefined;
		const path = url.pathname.startsWith(BASE_PATH) ? url.pathname.slice(BASE_PATH.length) || '/' : url.pathname;
		const routeKey = `${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}')}`;
		stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1;
		try {
			if (options.latencyMs) await delay(options.latencyMs);
			if (url.pathname === IMS_TOKEN_PATH && method === 'POST') {
				const answer = issueToken(new URLSearchParams(await readBody(req)));
				status = answer.status;
				send(res, answer.status, answer.body);
				return;
			}
			if (!url.pathname.startsWith(BASE_PATH)) throw new HttpError(404, { error_code: '404000', message: 'Not found' });
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
			if (fault?.type === 'expireTokens') for (const token of issued.values()) token.expiresAt = 0;
			const answer = await route(req, res, path, url.searchParams, requestId);
			ctx = answer.ctx;
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
			send(res, answer.status, answer.body, answer.headers);
		} catch (error) {
			if (error instanceof HttpError) {
				status = error.status;
				send(res, error.status, error.body);
			} else {
				status = 500;
				send(res, 500, { type: 'https://ns.adobe.com/aep/errors/FLOW-1100-500', title: 'Internal error', status: 500, report: { 'detailed-message': 'Internal error', 'request-id': requestId } });
			}
		} finally {
			const org = ctx?.org ?? header(req, 'x-gw-ims-org-id') ?? '-';
			writeLog(`${new Date().toISOString()} ${method} ${url.pathname} ${status} org=${org} sandbox=${ctx?.sandbox ?? '-'} request-id=${requestId}`);
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
		connections: (org, sandbox = 'prod') => [...bucket(org, sandbox).values()],
		markInUse: (id) => inUse.add(id),
		expireTokens: () => {
			for (const token of issued.values()) token.expiresAt = 0;
		},
		seedConnections: (org, sandbox, count, make) => {
			const target = bucket(org, sandbox);
			const spec = CONNECTION_SPECS[0];
			for (let i = 0; i < count; i++) {
				const etag = newEtag();
				const now = Date.now();
				const connection: StoredConnection = {
					id: randomUUID(),
					name: `seeded-${String(i).padStart(6, '0')}`,
					connectionSpec: { id: spec.id, version: spec.version },
					state: 'enabled',
					auth: { specName: spec.authSpec[0].name, params: {} },
					version: etag,
					etag,
					createdAt: now,
					updatedAt: now,
					createdBy: 'seed@AdobeID',
					createdClient: 'seed',
					updatedBy: 'seed@AdobeID',
					updatedClient: 'seed',
					sandboxId: `${sandbox}-sandbox-id`,
					sandboxName: sandbox,
					imsOrgId: org,
					...make?.(i),
				};
				target.set(connection.id, connection);
			}
		},
		setRateLimit: (perSecond) => {
			rateLimit = perSecond;
			recent.length = 0;
		},
		reset: () => {
			store.clear();
			inUse.clear();
			faults.clear();
			log.length = 0;
			Object.assign(stats, { requests: 0, byRoute: {}, creates: 0, tokensIssued: 0, throttled: 0 });
		},
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
