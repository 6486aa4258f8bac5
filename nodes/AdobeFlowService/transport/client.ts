/**
 * The one way out to the Platform. Every request of the node passes through FlowServiceClient.request:
 * the limiter, one exchange (with token renewal), and the retry loop — the one place that decides
 * whether to send again, and that runs a request's own recovery when its answer was lost.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Clock } from './clock';
import { sleepUnlessAborted, SYSTEM_CLOCK } from './clock';
import type { Failed } from './errors';
import { FlowServiceError, readThrown } from './errors';
import type { Context, Exchange } from './http';
import { DEFAULT_TIMEOUT_SECONDS, PlatformHttp } from './http';
import type { Outcome } from './limiter';
import { AdaptiveLimiter } from './limiter';
import type { PageOptions } from './paging';
import { readPages } from './paging';
import { TokenRenewal } from './renewal';
import type { RetryPolicy } from './retryPolicy';
import { DEFAULT_RETRY_POLICY, decideRetry } from './retryPolicy';

/**
 * What "already done" looks like, for a request whose answer may have been lost: the transport runs
 * `lookup` instead of sending blindly again, and its result stands for the lost answer.
 */
export interface Recovery<T> {
	lookup(): Promise<T | undefined>;
	/** Statuses that, met by a resend after a lost answer, mean the first send took effect (a delete's 404). */
	resentStatuses?: number[];
}

export interface FlowServiceRequest<T = unknown> extends Exchange {
	/** Whether sending it twice is harmless; defaults to true for GET, DELETE and PUT. */
	idempotent?: boolean;
	recovery?: Recovery<T>;
	/** Values that must never appear in an error: the request's own secrets. */
	secrets?: string[];
	itemIndex?: number;
	/** Statuses that are answers, not errors: returned with their body (a Data Access 404: nothing kept there). */
	answerStatuses?: number[];
}

export interface FlowServiceResponse<T> {
	statusCode: number;
	headers: Record<string, unknown>;
	body: T;
	/** True when the answer was lost and the request's recovery found what it had done. */
	recovered: boolean;
}

export interface ClientOptions {
	timeoutMs?: number;
	/** Most requests in flight at once (see limiter.ts: grown while answers are fast, cut on 429, 503 or slow answers). */
	maxConcurrency?: number;
	/** Requests in flight before any answer; the most unless given. */
	startConcurrency?: number;
	policy?: RetryPolicy;
	clock?: Clock;
}

function isJsonBody(body: unknown): boolean {
	return body === undefined || body === '' || (typeof body === 'object' && body !== null);
}

export class FlowServiceClient {
	private readonly http: PlatformHttp;
	private readonly renewal: TokenRenewal;
	private readonly limiter: AdaptiveLimiter;
	private readonly policy: RetryPolicy;
	private readonly clock: Clock;
	/**
	 * Settles when the first request of this execution has: with a credential that fetches its own
	 * token, that request fetches it, once. An access token is there already: nothing waits for it.
	 */
	private firstRequest?: Promise<unknown>;

	constructor(
		private readonly context: Context,
		credentialType: string,
		options: ClientOptions = {},
	) {
		this.policy = options.policy ?? DEFAULT_RETRY_POLICY;
		this.clock = options.clock ?? SYSTEM_CLOCK;
		this.http = new PlatformHttp(context, credentialType, options.timeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000);
		this.renewal = new TokenRenewal(this.http);
		this.limiter = new AdaptiveLimiter(Math.max(1, options.maxConcurrency ?? Number.MAX_SAFE_INTEGER), this.clock, options.startConcurrency);
	}

	async request<T = unknown>(request: FlowServiceRequest<T>): Promise<FlowServiceResponse<T>> {
		if (!this.http.renewable) return await this.send<T>(request);
		if (this.firstRequest === undefined) {
			const first = this.send<T>(request);
			this.firstRequest = first.catch(() => undefined);
			return await first;
		}
		await this.firstRequest;
		return await this.send<T>(request);
	}

	/** Pages through a list: see paging.ts. */
	async getPaged<T = IDataObject>(path: string, qs: IDataObject, options: PageOptions = {}): Promise<T[]> {
		return await readPages<T>((request) => this.request(request), path, qs, options);
	}

	private async send<T>(request: FlowServiceRequest<T>): Promise<FlowServiceResponse<T>> {
		const options = await this.http.options(request);
		const idempotent = request.idempotent ?? ['GET', 'DELETE', 'PUT', 'HEAD'].includes(request.method);
		let mayHaveBeenProcessed = false;
		let resends = 0;
		for (let attempt = 1; ; attempt++) {
			await this.limiter.acquire();
			let outcome: Outcome = 'other';
			let failed: Failed;
			const sentAt = this.clock.now();
			try {
				const response = await this.renewal.send<T>(options);
				if (response.statusCode >= 200 && response.statusCode < 300 && (request.download ? Buffer.isBuffer(response.body) : isJsonBody(response.body))) {
					outcome = 'ok';
					return { ...response, recovered: false };
				}
				// A 2xx whose body is not JSON was cut short, or is not from the Platform.
				failed = response.statusCode < 300 ? { networkCode: 'ERR_INVALID_RESPONSE' } : { status: response.statusCode, body: response.body, headers: response.headers };
				if (response.statusCode === 429 || response.statusCode === 503) outcome = 'throttled';
			} catch (error) {
				failed = readThrown(error);
			} finally {
				this.limiter.release(outcome, this.clock.now() - sentAt);
			}
			// Stryker disable next-line ConditionalExpression: includes(undefined) is false; the check narrows the type
			if (failed.status !== undefined && request.answerStatuses?.includes(failed.status)) {
				return { statusCode: failed.status, headers: failed.headers ?? {}, body: failed.body as T, recovered: false };
			}
			// Stryker disable next-line ConditionalExpression: includes(undefined) is false; the check narrows the type
			if (mayHaveBeenProcessed && failed.status !== undefined && request.recovery?.resentStatuses?.includes(failed.status)) {
				const done = await request.recovery.lookup();
				if (done !== undefined) return { statusCode: 200, headers: {}, body: done, recovered: true };
			}
			const decision = decideRetry(this.policy, {
				attempt,
				idempotent,
				status: failed.status,
				networkCode: failed.networkCode,
				retryAfter: failed.headers?.['retry-after'] as string | undefined,
				now: this.clock.now(),
				random: this.clock.random(),
			});
			mayHaveBeenProcessed ||= decision.mayHaveBeenProcessed;
			if (decision.retry && !this.cancelled()) {
				if (decision.pauseAllMs !== undefined) this.limiter.pause(decision.pauseAllMs);
				await this.clock.sleep(decision.delayMs);
				continue;
			}
			// Not sent blindly again: give a request still being processed the time to finish, then look.
			if (decision.mayHaveBeenProcessed && !idempotent && request.recovery && resends < this.policy.createAttempts - 1 && !this.cancelled()) {
				resends++;
				await this.clock.sleep(this.policy.createSettleMs * resends);
				const done = await request.recovery.lookup();
				if (done !== undefined) return { statusCode: 200, headers: {}, body: done, recovered: true };
				continue;
			}
			throw FlowServiceError.from(this.context, failed, request.secrets ?? [], request.itemIndex);
		}
	}

	/** Waits `ms` on this client's clock, returning early when the execution is cancelled. */
	async pause(ms: number): Promise<void> {
		const context = this.context as { getExecutionCancelSignal?: () => AbortSignal | undefined };
		await sleepUnlessAborted(ms, context.getExecutionCancelSignal?.(), this.clock);
	}

	private cancelled(): boolean {
		const context = this.context as { getExecutionCancelSignal?: () => AbortSignal | undefined };
		return context.getExecutionCancelSignal?.()?.aborted === true;
	}
}
