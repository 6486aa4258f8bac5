import { backoffDelay, decideRetry, DEFAULT_RETRY_POLICY, parseRetryAfter } from '../../../../nodes/AdobeFlowService/transport/retryPolicy';

const now = Date.parse('2026-11-22T12:00:00Z');
const base = { attempt: 1, now, random: 0.5 };

describe('retry policy', () => {
	test.each([
		['GET on 429', { idempotent: true, status: 429 }, true],
		['GET on 502', { idempotent: true, status: 502 }, true],
		['GET on 503', { idempotent: true, status: 503 }, true],
		['GET on 504', { idempotent: true, status: 504 }, true],
		['GET on a reset', { idempotent: true, networkCode: 'ECONNRESET' }, true],
		['GET on a timeout', { idempotent: true, networkCode: 'ECONNABORTED' }, true],
		['GET on 500', { idempotent: true, status: 500 }, false],
		['GET on 400', { idempotent: true, status: 400 }, false],
		['GET on 401', { idempotent: true, status: 401 }, false],
		['GET on 404', { idempotent: true, status: 404 }, false],
		['POST on 429 (refused at the gateway)', { idempotent: false, status: 429 }, true],
		['POST on a refused connection', { idempotent: false, networkCode: 'ECONNREFUSED' }, true],
		['POST on 502', { idempotent: false, status: 502 }, false],
		['POST on 504', { idempotent: false, status: 504 }, false],
		['POST on a reset', { idempotent: false, networkCode: 'ECONNRESET' }, false],
		['POST on a timeout', { idempotent: false, networkCode: 'ECONNABORTED' }, false],
	])('%s → retry %s', (_, outcome, retry) => {
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, ...outcome }).retry).toBe(retry);
	});

	test('a POST that failed without a clear refusal may have been processed; a 4xx or 429 was not', () => {
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: false, networkCode: 'ECONNRESET' })).toEqual({ retry: false, mayHaveBeenProcessed: true });
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: false, status: 504 })).toEqual({ retry: false, mayHaveBeenProcessed: true });
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: false, status: 400 })).toEqual({ retry: false, mayHaveBeenProcessed: false });
	});

	test('gives up after the configured retries; a 429, never processed, is retried longer and sooner', () => {
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, attempt: DEFAULT_RETRY_POLICY.retries, idempotent: true, status: 503 }).retry).toBe(true);
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, attempt: DEFAULT_RETRY_POLICY.retries + 1, idempotent: true, status: 503 }).retry).toBe(false);
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, attempt: DEFAULT_RETRY_POLICY.throttleRetries, idempotent: false, status: 429 }).retry).toBe(true);
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, attempt: DEFAULT_RETRY_POLICY.throttleRetries + 1, idempotent: false, status: 429 }).retry).toBe(false);
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: true, status: 429, random: 1 })).toMatchObject({ delayMs: DEFAULT_RETRY_POLICY.throttleBaseDelayMs });
	});

	test('Retry-After in seconds or as a date is honoured; a 429 pauses every item', () => {
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: true, status: 429, retryAfter: '3' })).toEqual({ retry: true, delayMs: 3000, sharedPause: true, mayHaveBeenProcessed: false });
		const date = new Date(now + 7000).toUTCString();
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: true, status: 503, retryAfter: date })).toMatchObject({ delayMs: 7000, sharedPause: false });
		expect(parseRetryAfter('soon', now)).toBeUndefined();
	});

	test('a Retry-After beyond the cap is not waited for', () => {
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: true, status: 429, retryAfter: '3600' }).retry).toBe(false);
	});

	test('back-off doubles per attempt, is capped, and is jittered between half and all of it', () => {
		expect(backoffDelay(DEFAULT_RETRY_POLICY, 1, 0)).toBe(250);
		expect(backoffDelay(DEFAULT_RETRY_POLICY, 1, 1)).toBe(500);
		expect(backoffDelay(DEFAULT_RETRY_POLICY, 3, 1)).toBe(2000);
		expect(backoffDelay(DEFAULT_RETRY_POLICY, 20, 1)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
	});
});
