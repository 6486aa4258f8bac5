/**
 * When a failed request is sent again, as data plus one pure decision function.
 *
 * A request is retried only when sending it twice cannot do harm: reads, deletes (a second
 * delete of the same id changes nothing), and updates guarded by If-Match (a second one
 * meets a changed etag and is refused). A POST that creates is retried only when the
 * Platform cannot have processed it (429: the gateway refused it; a refused TCP connection).
 */

export interface RetryPolicy {
	/** Retries after the first attempt. */
	retries: number;
	/** A 429 is never processed, so it may be retried more often, and sooner (no Retry-After). */
	throttleRetries: number;
	throttleBaseDelayMs: number;
	/** Statuses worth another attempt. */
	statuses: number[];
	/** Network failures worth another attempt. */
	networkCodes: string[];
	/** Exponential back-off: base * 2^(attempt-1), capped, with full jitter. */
	baseDelayMs: number;
	maxDelayMs: number;
	/** A Retry-After longer than this is not waited for: the error is reported instead. */
	maxRetryAfterMs: number;
	/**
	 * After a create whose answer was lost, how long to let the Platform finish before looking
	 * for the connection, and how many times to look and create again at most.
	 */
	createSettleMs: number;
	createAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	retries: 4,
	throttleRetries: 10,
	throttleBaseDelayMs: 100,
	statuses: [429, 502, 503, 504],
	networkCodes: ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN', 'ERR_BAD_RESPONSE', 'ERR_INVALID_RESPONSE'],
	baseDelayMs: 500,
	maxDelayMs: 20_000,
	maxRetryAfterMs: 120_000,
	createSettleMs: 2_000,
	createAttempts: 3,
};

/** Failures after which a non-idempotent request certainly did not reach the service. */
const NOT_PROCESSED_STATUSES = [429];
const NOT_PROCESSED_CODES = ['ECONNREFUSED', 'EAI_AGAIN'];

export interface AttemptOutcome {
	/** 1 for the first attempt. */
	attempt: number;
	/** Whether sending the same request twice is harmless. */
	idempotent: boolean;
	status?: number;
	networkCode?: string;
	/** The Retry-After header as received, in seconds or as an HTTP date. */
	retryAfter?: string;
	now: number;
	/** A number in [0, 1) for jitter. */
	random: number;
}

export type RetryDecision =
	/** `pauseAllMs`: how long every request of the execution waits with this one (a 429's). */
	| { retry: true; delayMs: number; pauseAllMs?: number; mayHaveBeenProcessed: boolean }
	| { retry: false; mayHaveBeenProcessed: boolean };

export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	// Stryker disable next-line StringLiteral: Date.parse of a word is NaN, as of ''
	const text = value?.trim() ?? '';
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

export function backoffDelay(policy: RetryPolicy, attempt: number, random: number, base = policy.baseDelayMs): number {
	const ceiling = Math.min(policy.maxDelayMs, base * 2 ** (attempt - 1));
	// Half fixed, half jitter: never zero, never in lockstep with other items.
	return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** Whether a status or code is in a list; an absent one is in none. */
// Stryker disable next-line ConditionalExpression: includes(undefined) is false for these lists; the check narrows the type
const isIn = <T>(list: readonly T[], value: T | undefined): boolean => value !== undefined && list.includes(value);

export function decideRetry(policy: RetryPolicy, outcome: AttemptOutcome): RetryDecision {
	const { status, networkCode } = outcome;
	const notProcessed = isIn(NOT_PROCESSED_STATUSES, status) || isIn(NOT_PROCESSED_CODES, networkCode);
	// A network code counts only when no HTTP answer came.
	const retriable = status !== undefined ? isIn(policy.statuses, status) : isIn(policy.networkCodes, networkCode);
	// Only a 4xx (other than 429) proves that the request was refused as sent.
	const code = status ?? 0;
	const mayHaveBeenProcessed = !notProcessed && !(code >= 400 && code < 500);

	const throttled = status === 429;
	const retries = throttled ? policy.throttleRetries : policy.retries;
	if (!retriable || outcome.attempt > retries || !(outcome.idempotent || notProcessed)) {
		return { retry: false, mayHaveBeenProcessed };
	}
	const requested = status === 429 || status === 503 ? parseRetryAfter(outcome.retryAfter, outcome.now) : undefined;
	if ((requested ?? 0) > policy.maxRetryAfterMs) return { retry: false, mayHaveBeenProcessed };
	const delayMs = requested ?? backoffDelay(policy, outcome.attempt, outcome.random, throttled ? policy.throttleBaseDelayMs : policy.baseDelayMs);
	// Every item waits for a 429's Retry-After. Without one only this item backs off: its back-off grows
	// with each refusal, so that it outlasts a long throttle, and a pause of every item that grew with
	// the unluckiest one's left the Platform idle once its limit had room again.
	if (!throttled || requested === undefined) return { retry: true, delayMs, mayHaveBeenProcessed };
	return { retry: true, delayMs, pauseAllMs: requested, mayHaveBeenProcessed };
}
