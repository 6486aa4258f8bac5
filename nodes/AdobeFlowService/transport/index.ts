/**
 * The one way out to the Platform. Every request of the node passes through
 * FlowServiceClient.request: base URL, credential headers, JSON, timeout, retries,
 * the shared back-off under throttling, and the mapping of failures to NodeApiError.
 */
import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep as n8nSleep } from 'n8n-workflow';

import type { FailedResponse, PlatformFailure } from './errors';
import { describeFailure, failureDescription, failureMessage, redact } from './errors';
import type { RetryPolicy } from './retryPolicy';
import { DEFAULT_RETRY_POLICY, decideRetry } from './retryPolicy';

export const FLOW_SERVICE_PATH = '/data/foundation/flowservice';
export const DEFAULT_BASE_URL = 'https://platform.adobe.io';
export const DEFAULT_TIMEOUT_MS = 60_000;

export const CREDENTIAL_TYPES = {
	accessToken: 'flowServiceApi',
	serverToServer: 'flowServiceServerToServerApi',
} as const;

type Context = IExecuteFunctions | ILoadOptionsFunctions;

export interface FlowServiceRequest {
	method: IHttpRequestMethods;
	/** Path below the Flow Service base, e.g. `/connections`. */
	path: string;
	qs?: IDataObject;
	body?: unknown;
	headers?: Record<string, string>;
	/** Whether sending it twice is harmless; defaults to true for GET, DELETE and PUT. */
	idempotent?: boolean;
	/** Values that must never appear in an error: the request's own secrets. */
	secrets?: string[];
	itemIndex?: number;
}

export interface FlowServiceResponse<T> {
	statusCode: number;
	headers: Record<string, unknown>;
	body: T;
	/** How many times the request was sent. */
	attempts: number;
}

export interface ClientOptions {
	timeoutMs?: number;
	/** Most requests in flight at once; lowered by half on a 429 and raised again one by one. */
	maxConcurrency?: number;
	policy?: RetryPolicy;
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
	now?: () => number;
}

/** Raised for a failed request; the NodeApiError the user sees, plus what the operations need to decide. */
export class FlowServiceError extends NodeApiError {
	constructor(
		context: Context,
		readonly failure: PlatformFailure,
		/** True when the request may have reached the service although it failed (only matters for a create). */
		readonly mayHaveBeenProcessed: boolean,
		itemIndex: number | undefined,
		readonly attempts: number,
	) {
		super(
			context.getNode(),
			{
				message: failure.message,
				httpCode: failure.status === undefined ? null : String(failure.status),
				platformCode: failure.code ?? null,
				requestId: failure.requestId ?? null,
			} as JsonObject,
			{
				message: failureMessage(failure),
				description: failureDescription(failure),
				httpCode: failure.status === undefined ? undefined : String(failure.status),
				itemIndex,
			},
		);
	}
}

function plainHeaders(headers: unknown): Record<string, unknown> {
	if (!headers || typeof headers !== 'object') return {};
	const maybe = headers as { toJSON?: () => Record<string, unknown> };
	return typeof maybe.toJSON === 'function' ? maybe.toJSON() : (headers as Record<string, unknown>);
}

/**
 * n8n's request helper turns a failure without an HTTP answer into an error whose message it
 * rewrites from the Node.js error code; the code itself is not kept. Read it back from either.
 */
const NETWORK_PATTERNS: Array<[RegExp, string]> = [
	[/ECONNREFUSED|refused the connection/i, 'ECONNREFUSED'],
	[/ECONNRESET|socket hang up|closed unexpectedly/i, 'ECONNRESET'],
	[/ETIMEDOUT|timed out/i, 'ETIMEDOUT'],
	[/ECONNABORTED|timeout of \d+ms|connection was aborted/i, 'ECONNABORTED'],
	[/ENOTFOUND|incorrect host/i, 'ENOTFOUND'],
	[/EAI_AGAIN|DNS server returned/i, 'EAI_AGAIN'],
	[/EPIPE/, 'EPIPE'],
];

/** What n8n's request helper threw: no HTTP answer came (an HTTP answer is returned, never thrown). */
export function readThrown(error: unknown): FailedResponse & { fallbackMessage?: string } {
	const e = error as { code?: unknown; message?: unknown; messages?: unknown; description?: unknown; cause?: { code?: unknown } };
	const texts = [e?.code, e?.cause?.code, e?.message, ...(Array.isArray(e?.messages) ? e.messages : []), e?.description].filter(
		(t): t is string => typeof t === 'string',
	);
	for (const [pattern, code] of NETWORK_PATTERNS) {
		if (texts.some((t) => pattern.test(t))) return { networkCode: code };
	}
	return { fallbackMessage: typeof e?.message === 'string' ? e.message : 'The request to the Platform failed' };
}

type RawResponse<T> = { statusCode: number; headers: Record<string, unknown>; body: T };

function isJsonBody(body: unknown): boolean {
	return body === undefined || body === '' || (typeof body === 'object' && body !== null);
}

export class FlowServiceClient {
	private baseUrl?: string;
	private credentials?: Promise<ICredentialsDecrypted>;
	private pausedUntil = 0;
	private readonly maxConcurrency: number;
	/** Requests allowed in flight now (additive increase, multiplicative decrease on 429). */
	private allowed: number;
	private inFlight = 0;
	private successes = 0;
	private readonly waiting: Array<() => void> = [];
	/** Settles when the first request of this execution has: it fetches the token, once. */
	private firstRequest?: Promise<unknown>;
	readonly policy: RetryPolicy;
	private readonly timeoutMs: number;
	readonly sleep: (ms: number) => Promise<void>;
	private readonly random: () => number;
	private readonly now: () => number;
	/** Requests sent, retries included; read by tests and the benchmark. */
	sent = 0;

	constructor(
		private readonly context: Context,
		readonly credentialType: string,
		options: ClientOptions = {},
	) {
		this.policy = options.policy ?? DEFAULT_RETRY_POLICY;
		this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
		this.sleep = options.sleep ?? n8nSleep;
		this.random = options.random ?? Math.random;
		this.now = options.now ?? Date.now;
		this.maxConcurrency = Math.max(1, options.maxConcurrency ?? Number.MAX_SAFE_INTEGER);
		this.allowed = this.maxConcurrency;
	}

	/** Current limit on requests in flight; read by tests and the benchmark. */
	get concurrencyLimit(): number {
		return this.allowed;
	}

	/**
	 * The credential, read once per execution instead of once per request. n8n's helper renews
	 * a token into this same object, so every later request uses the new one.
	 */
	private async credentialsOnce(): Promise<ICredentialsDecrypted> {
		this.credentials ??= this.context
			.getCredentials(this.credentialType)
			.then((data) => ({ id: this.context.getNode().credentials?.[this.credentialType]?.id ?? this.credentialType, name: this.credentialType, type: this.credentialType, data }));
		return await this.credentials;
	}

	private async acquire(): Promise<void> {
		while (this.inFlight >= this.allowed) await new Promise<void>((resolve) => this.waiting.push(resolve));
		this.inFlight++;
	}

	private release(outcome: 'ok' | 'throttled' | 'other'): void {
		this.inFlight--;
		if (outcome === 'throttled') {
			this.allowed = Math.max(1, Math.floor(Math.min(this.allowed, this.inFlight + 1) / 2));
			this.successes = 0;
		} else if (outcome === 'ok' && this.allowed < this.maxConcurrency && ++this.successes >= this.allowed) {
			this.allowed++;
			this.successes = 0;
		}
		for (let free = this.allowed - this.inFlight; free > 0 && this.waiting.length > 0; free--) this.waiting.shift()!();
	}

	private async resolveBaseUrl(): Promise<string> {
		if (this.baseUrl === undefined) {
			const credentials = (await this.credentialsOnce()).data ?? {};
			const configured = typeof credentials.baseUrl === 'string' && credentials.baseUrl.trim() ? credentials.baseUrl.trim() : DEFAULT_BASE_URL;
			this.baseUrl = configured.replace(/\/+$/, '') + FLOW_SERVICE_PATH;
		}
		return this.baseUrl;
	}

	async request<T = unknown>(request: FlowServiceRequest): Promise<FlowServiceResponse<T>> {
		if (this.firstRequest === undefined) {
			const first = this.send<T>(request);
			this.firstRequest = first.catch(() => undefined);
			return await first;
		}
		await this.firstRequest;
		return await this.send<T>(request);
	}

	private async send<T>(request: FlowServiceRequest): Promise<FlowServiceResponse<T>> {
		const url = (await this.resolveBaseUrl()) + request.path;
		const idempotent = request.idempotent ?? ['GET', 'DELETE', 'PUT', 'HEAD'].includes(request.method);
		const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
		if (request.body !== undefined) headers['Content-Type'] = 'application/json';
		const options: IHttpRequestOptions = {
			method: request.method,
			url,
			qs: request.qs,
			headers,
			json: true,
			returnFullResponse: true,
			timeout: this.timeoutMs,
			arrayFormat: 'repeat',
		};
		if (request.body !== undefined) options.body = request.body as IDataObject;

		for (let attempt = 1; ; attempt++) {
			const pause = this.pausedUntil - this.now();
			if (pause > 0) await this.sleep(pause);
			let failed: FailedResponse & { fallbackMessage?: string };
			await this.acquire();
			let outcome: 'ok' | 'throttled' | 'other' = 'other';
			try {
				this.sent++;
				const tokenSent = await this.currentToken();
				let response = await this.call<T>({ ...options, ignoreHttpStatusErrors: true });
				if (response.statusCode === 401 && this.credentialType === CREDENTIAL_TYPES.serverToServer) {
					response = await this.afterUnauthorized<T>(options, tokenSent);
				}
				if (response.statusCode >= 200 && response.statusCode < 300) {
					if (isJsonBody(response.body)) {
						outcome = 'ok';
						return { statusCode: response.statusCode, headers: plainHeaders(response.headers), body: response.body, attempts: attempt };
					}
					// A 2xx whose body is not JSON: cut short, or not from the Platform.
					failed = { networkCode: 'ERR_INVALID_RESPONSE' };
				} else {
					failed = { status: response.statusCode, body: response.body, headers: plainHeaders(response.headers) };
					if (response.statusCode === 429) outcome = 'throttled';
				}
			} catch (error) {
				failed = readThrown(error);
			} finally {
				this.release(outcome);
			}
			const decision = decideRetry(this.policy, {
				attempt,
				idempotent,
				status: failed.status,
				networkCode: failed.networkCode,
				retryAfter: failed.headers?.['retry-after'] as string | undefined,
				now: this.now(),
				random: this.random(),
			});
			if (decision.retry && !this.cancelled()) {
				if (decision.sharedPause) this.pausedUntil = Math.max(this.pausedUntil, this.now() + decision.delayMs);
				await this.sleep(decision.delayMs);
				continue;
			}
			throw this.toError(failed, request, decision.mayHaveBeenProcessed, attempt);
		}
	}

	private async call<T>(options: IHttpRequestOptions): Promise<RawResponse<T>> {
		const credentialsDecrypted = await this.credentialsOnce();
		return (await this.context.helpers.httpRequestWithAuthentication.call(this.context, this.credentialType, { ...options }, { credentialsDecrypted })) as RawResponse<T>;
	}

	private renewal?: Promise<unknown>;

	private async currentToken(): Promise<unknown> {
		return (await this.credentialsOnce()).data?.accessToken;
	}

	/**
	 * A 401 with a renewable token. If another request has renewed it since this one was sent, send
	 * again with the new one; otherwise renew, one request at a time, so that twenty requests in
	 * flight when the token expires make one token request, not twenty.
	 */
	private async afterUnauthorized<T>(options: IHttpRequestOptions, tokenSent: unknown): Promise<RawResponse<T>> {
		if (this.renewal) await this.renewal.catch(() => undefined);
		if ((await this.currentToken()) !== tokenSent) return await this.call<T>({ ...options, ignoreHttpStatusErrors: true });
		const renewing = this.renewAndSend<T>(options);
		this.renewal = renewing;
		try {
			return await renewing;
		} finally {
			if (this.renewal === renewing) this.renewal = undefined;
		}
	}

	/** Sends without ignoring HTTP errors, so that n8n's helper renews the token on the 401 and retries. */
	private async renewAndSend<T>(options: IHttpRequestOptions): Promise<RawResponse<T>> {
		return await this.call<T>(options).catch((error: { httpCode?: string | null; context?: { data?: unknown } }) => {
			const status = Number(error?.httpCode);
			if (!Number.isInteger(status)) throw error;
			return { statusCode: status, headers: {}, body: error.context?.data as T };
		});
	}

	private cancelled(): boolean {
		const context = this.context as { getExecutionCancelSignal?: () => AbortSignal | undefined };
		return context.getExecutionCancelSignal?.()?.aborted === true;
	}

	private toError(
		failed: FailedResponse & { fallbackMessage?: string },
		request: FlowServiceRequest,
		mayHaveBeenProcessed: boolean,
		attempts: number,
	): FlowServiceError {
		const failure =
			failed.networkCode === 'ERR_INVALID_RESPONSE'
				? { code: 'ERR_INVALID_RESPONSE', message: 'The Platform answered with a body that is not valid JSON', hint: 'Run the workflow again later' }
				: failed.status === undefined && failed.networkCode === undefined && failed.fallbackMessage
					? { message: failed.fallbackMessage }
					: describeFailure(failed);
		const secrets = request.secrets ?? [];
		const safe: PlatformFailure = {
			...failure,
			message: redact(failure.message, secrets),
			hint: failure.hint === undefined ? undefined : redact(failure.hint, secrets),
		};
		return new FlowServiceError(this.context, safe, mayHaveBeenProcessed, request.itemIndex, attempts);
	}

	/**
	 * Follows `_links.next.href` until `limit` items are read or the last page is reached. Each page
	 * asks for no more than what is still wanted (unless the endpoint takes no `limit`: `sendLimit`).
	 */
	async getPaged<T = IDataObject>(
		path: string,
		qs: IDataObject,
		limit: number | undefined,
		itemIndex?: number,
		{ pageSize = 100, sendLimit = true }: { pageSize?: number; sendLimit?: boolean } = {},
	): Promise<T[]> {
		const items: T[] = [];
		const seen = new Set<string>();
		let next: string | undefined;
		for (;;) {
			const want = limit === undefined ? pageSize : Math.min(pageSize, limit - items.length);
			const { body } = await this.request<{ items?: T[]; _links?: { next?: { href?: string } } }>({
				method: 'GET',
				path: next === undefined ? path : `${path}?${next}`,
				qs: sendLimit ? { ...qs, limit: want } : qs,
				itemIndex,
			});
			const page = Array.isArray(body?.items) ? body.items : [];
			items.push(...(limit === undefined ? page : page.slice(0, limit - items.length)));
			if (limit !== undefined && items.length >= limit) return items;
			next = nextPageQuery(body?._links?.next?.href, [...Object.keys(qs), 'limit']);
			if (next === undefined || page.length === 0) return items;
			if (seen.has(next)) throw new Error('The Platform returned the same page token twice; stopping to avoid an endless loop');
			seen.add(next);
		}
	}
}

/**
 * The query to send for the page after this one: the query of `_links.next.href` (relative or
 * absolute) exactly as written — a continuation token is opaque, and decoding and encoding it again
 * could change a `+` or a `%` in it — less the parameters the request sends again itself, so that its
 * filters and order hold on every page whether or not the href repeats them.
 */
export function nextPageQuery(href: string | undefined, resent: string[]): string | undefined {
	const at = href?.indexOf('?') ?? -1;
	if (!href || at < 0) return undefined;
	const name = (part: string) => {
		const raw = part.split('=')[0];
		try {
			return decodeURIComponent(raw);
		} catch {
			return raw;
		}
	};
	const kept = href
		.slice(at + 1)
		.split('#')[0]
		.split('&')
		.filter((part) => part !== '' && !resent.includes(name(part)));
	return kept.length > 0 ? kept.join('&') : undefined;
}
