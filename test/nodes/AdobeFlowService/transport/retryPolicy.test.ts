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

	test("Retry-After in seconds or as a date is honoured; a 429's pauses every item", () => {
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: true, status: 429, retryAfter: '3' })).toEqual({ retry: true, delayMs: 3000, pauseAllMs: 3000, mayHaveBeenProcessed: false });
		const date = new Date(now + 7000).toUTCString();
		const unavailable = decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: true, status: 503, retryAfter: date });
		expect(unavailable).toMatchObject({ delayMs: 7000 });
		expect(unavailable).not.toHaveProperty('pauseAllMs');
		expect(parseRetryAfter('soon', now)).toBeUndefined();
	});

	test('a 429 without Retry-After backs off its own item, growing with each refusal, and pauses no other', () => {
		const first = decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: false, status: 429, random: 1 });
		const fifth = decideRetry(DEFAULT_RETRY_POLICY, { ...base, attempt: 5, idempotent: false, status: 429, random: 1 });
		expect(first).toEqual({ retry: true, delayMs: 100, mayHaveBeenProcessed: false });
		expect(fifth).toEqual({ retry: true, delayMs: 1600, mayHaveBeenProcessed: false });
		expect(first).not.toHaveProperty('pauseAllMs');
	});

	test('Retry-After in seconds: whole or decimal, spaces around it ignored; anything else that is not a date is none', () => {
		expect(parseRetryAfter(' 3 ', now)).toBe(3000);
		expect(parseRetryAfter('3', now)).toBe(3000);
		expect(parseRetryAfter('1.25', now)).toBe(1250);
		expect(parseRetryAfter('12', now)).toBe(12_000);
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
		for (const value of ['', '   ', '3x', 'x3']) expect(parseRetryAfter(value, now)).toBeUndefined();
		expect(parseRetryAfter(new Date(now - 5000).toUTCString(), now)).toBe(0);
	});

	test('a 5xx may have been processed, a 4xx was refused as sent: 499 and 500 either side', () => {
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: false, status: 500 }).mayHaveBeenProcessed).toBe(true);
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: false, status: 499 }).mayHaveBeenProcessed).toBe(false);
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: false, status: 400 }).mayHaveBeenProcessed).toBe(false);
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: false, status: 399 }).mayHaveBeenProcessed).toBe(true);
	});

	test('only a 429 or a 503 is waited for as its Retry-After says; a 502 backs off as usual', () => {
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: true, status: 502, retryAfter: '30', random: 1 })).toEqual({ retry: true, delayMs: 500, mayHaveBeenProcessed: true });
	});

	test('a Retry-After of exactly the cap is waited for', () => {
		expect(decideRetry(DEFAULT_RETRY_POLICY, { ...base, idempotent: true, status: 503, retryAfter: String(DEFAULT_RETRY_POLICY.maxRetryAfterMs / 1000) })).toMatchObject({ retry: true, delayMs: DEFAULT_RETRY_POLICY.maxRetryAfterMs });
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
