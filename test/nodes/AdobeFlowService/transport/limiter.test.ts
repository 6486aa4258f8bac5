import { AdaptiveLimiter, eventLoopBusy } from '../../../../nodes/AdobeFlowService/transport/limiter';
import { fakeClock } from '../../../../support/fakeClock';

const settled = () => new Promise((resolve) => setImmediate(resolve));

test('no more in flight than allowed; a release lets the next one in', async () => {
	const limiter = new AdaptiveLimiter(2, fakeClock());
	await limiter.acquire();
	await limiter.acquire();
	let third = false;
	const waiting = limiter.acquire().then(() => (third = true));
	await settled();
	expect(third).toBe(false);
	limiter.release('ok');
	await waiting;
	expect(third).toBe(true);
});

test('a 429 halves what is allowed; each fast round grows it by its square root, up to the ceiling', async () => {
	const limiter = new AdaptiveLimiter(8, fakeClock());
	for (let i = 0; i < 8; i++) await limiter.acquire();
	limiter.release('throttled');
	expect(limiter.limit).toBe(4);
	for (let i = 0; i < 7; i++) limiter.release('other');
	for (let i = 0; i < 4; i++) {
		await limiter.acquire();
		limiter.release('ok');
	}
	expect(limiter.limit).toBe(6);
	for (let i = 0; i < 100; i++) {
		await limiter.acquire();
		limiter.release('ok');
	}
	expect(limiter.limit).toBe(8);
});

test('a 503 cuts like a 429', async () => {
	const limiter = new AdaptiveLimiter(10, fakeClock());
	for (let i = 0; i < 10; i++) await limiter.acquire();
	limiter.release('throttled');
	expect(limiter.limit).toBe(5);
});

test('a throttled release never goes below one, and other failures change nothing', async () => {
	const limiter = new AdaptiveLimiter(3, fakeClock());
	for (let i = 0; i < 5; i++) {
		await limiter.acquire();
		limiter.release('throttled');
	}
	expect(limiter.limit).toBe(1);
	await limiter.acquire();
	limiter.release('other');
	expect(limiter.limit).toBe(1);
});

test('a pause holds every request back through the clock, for what is left of it', async () => {
	const clock = fakeClock();
	const limiter = new AdaptiveLimiter(5, clock);
	limiter.pause(2_000);
	limiter.pause(500);
	await limiter.acquire();
	expect(clock.slept).toEqual([2_000]);
	await limiter.acquire();
	expect(clock.slept).toEqual([2_000]);
});

/** Answers as `latencyMs` says for `count` answers, one round's worth in flight at a time; the limits after each round. */
async function rounds(limiter: AdaptiveLimiter, latencyMs: (round: number) => number, count: number): Promise<number[]> {
	const limits: number[] = [];
	for (let round = 0; round < count; round++) {
		const n = limiter.limit;
		for (let i = 0; i < n; i++) await limiter.acquire();
		for (let i = 0; i < n; i++) limiter.release('ok', latencyMs(round));
		limits.push(limiter.limit);
	}
	return limits;
}

test('Auto: from where it starts, it doubles each round while answers stay fast, up to the ceiling', async () => {
	const limiter = new AdaptiveLimiter(100, fakeClock(), 50);
	expect(limiter.limit).toBe(50);
	expect(await rounds(limiter, () => 150, 3)).toEqual([100, 100, 100]);
	const wide = new AdaptiveLimiter(1000, fakeClock(), 50);
	expect(await rounds(wide, () => 150, 6)).toEqual([100, 200, 400, 800, 1000, 1000]);
});

test('slow start ends at the first 429: from then on it grows by the square root', async () => {
	const limiter = new AdaptiveLimiter(1000, fakeClock(), 50);
	await rounds(limiter, () => 150, 2);
	expect(limiter.limit).toBe(200);
	for (let i = 0; i < 200; i++) await limiter.acquire();
	limiter.release('throttled');
	expect(limiter.limit).toBe(100);
	for (let i = 0; i < 199; i++) limiter.release('other');
	expect(await rounds(limiter, () => 150, 3)).toEqual([110, 121, 132]);
});

test('slow start ends at the first slow round: it backs off, then grows by the square root', async () => {
	const limiter = new AdaptiveLimiter(1000, fakeClock(), 50);
	// Fast (150 ms) while it doubles, then queueing at the Platform (600 ms), then fast again.
	const latency = (round: number) => (round < 3 ? 150 : round < 6 ? 600 : 150);
	const limits = await rounds(limiter, latency, 16);
	expect(limits.slice(0, 3)).toEqual([100, 200, 400]);
	const lowest = Math.min(...limits.slice(3, 8));
	expect(lowest).toBeLessThan(400);
	// It recovers, and by the square root, not by doubling: no step more than √n + 1.
	const after = limits.slice(limits.indexOf(lowest));
	expect(after[after.length - 1]).toBeGreaterThan(lowest);
	for (let i = 1; i < after.length; i++) expect(after[i] - after[i - 1]).toBeLessThanOrEqual(Math.ceil(Math.sqrt(after[i - 1])));
});

test('answers twice as slow as the fastest of late cut it by a quarter each round; fast again, it recovers', async () => {
	const limiter = new AdaptiveLimiter(100, fakeClock(), 40);
	// A Platform answering in 150 ms, then queueing (400 ms), then fast again.
	const latency = (round: number) => (round < 2 ? 150 : round < 6 ? 400 : 150);
	const limits = await rounds(limiter, latency, 14);
	expect(limits.slice(0, 2)).toEqual([80, 100]);
	// The smoothed latency crosses twice the baseline within the first slow round or two, then cuts follow.
	expect(Math.min(...limits.slice(2, 7))).toBeLessThan(40);
	expect(limits[limits.length - 1]).toBeGreaterThan(Math.min(...limits));
	expect(limits[limits.length - 1]).toBeGreaterThan(limits[6]);
});

test('fast answers under 50 ms never count as queueing, however they vary (a loopback server)', async () => {
	const limiter = new AdaptiveLimiter(100, fakeClock(), 20);
	const limits = await rounds(limiter, (round) => (round % 2 === 0 ? 2 : 45), 12);
	expect(limits).toEqual([...limits].sort((a, b) => a - b));
	expect(limits[limits.length - 1]).toBe(100);
});

test('a Platform that became slower for good is measured again: after a window the new pace is the baseline', async () => {
	const limiter = new AdaptiveLimiter(30, fakeClock(), 30);
	await rounds(limiter, () => 100, 4);
	// Slower for good: cut at first, then the baseline moves up and growth resumes.
	const limits = await rounds(limiter, () => 300, 20);
	expect(Math.min(...limits)).toBeLessThan(30);
	expect(limits[limits.length - 1]).toBe(30);
});

test('429s from one round trip halve it once; a 429 to a request sent after the cut halves it again', async () => {
	const clock = fakeClock();
	const limiter = new AdaptiveLimiter(100, clock, 64);
	for (let i = 0; i < 64; i++) await limiter.acquire();
	// Sent together 80 ms ago, refused together.
	for (let i = 0; i < 10; i++) limiter.release('throttled', 80);
	expect(limiter.limit).toBe(32);
	for (let i = 0; i < 54; i++) limiter.release('other');
	await clock.sleep(200);
	for (let i = 0; i < 32; i++) await limiter.acquire();
	limiter.release('throttled', 80);
	expect(limiter.limit).toBe(16);
});

/**
 * The limit after a 429: `answers` answers, `spacingMs` apart, each after a round trip of
 * `roundTripMs`; then `quietMs` with none; then one refused request, its round trip `roundTripMs`.
 */
async function limitAfterRefusal(options: { start: number; answers: number; spacingMs: number; quietMs: number; roundTripMs: number }): Promise<number> {
	const clock = fakeClock();
	const limiter = new AdaptiveLimiter(100, clock, options.start);
	for (let i = 0; i < options.answers; i++) {
		await limiter.acquire();
		await clock.sleep(options.spacingMs);
		limiter.release('ok', options.roundTripMs);
	}
	await clock.sleep(options.quietMs);
	await limiter.acquire();
	limiter.release('throttled', options.roundTripMs);
	return limiter.limit;
}

test('a 429 cuts to what the Platform accepted per round trip over the last second, when that is more than half', async () => {
	// 300 answers in 900 ms (about 330 a second), then a rate limit's window is full: nothing for 100 ms.
	// 300 a second × 100 ms: 30 in flight, not 1 (the last round trip alone accepted nothing).
	expect(await limitAfterRefusal({ start: 100, answers: 300, spacingMs: 3, quietMs: 100, roundTripMs: 100 })).toBe(30);
});

test('answers from exactly a second before a 429 are counted in its rate; from before that, not', async () => {
	// 50 a second × 100 ms.
	expect(await limitAfterRefusal({ start: 50, answers: 50, spacingMs: 0, quietMs: 1000, roundTripMs: 100 })).toBe(5);
	expect(await limitAfterRefusal({ start: 100, answers: 300, spacingMs: 3, quietMs: 2000, roundTripMs: 100 })).toBe(1);
});

test('with round trips over a quarter second, the rate is read over four of them; answers older than ten seconds are forgotten', async () => {
	// 100 answers in the last 2 s (four round trips of 500 ms) × 500 ms.
	expect(await limitAfterRefusal({ start: 100, answers: 100, spacingMs: 0, quietMs: 1500, roundTripMs: 500 })).toBe(25);
	// A round trip of 12 s reads 48 s back, but answers are kept for 10 s only.
	expect(await limitAfterRefusal({ start: 100, answers: 100, spacingMs: 0, quietMs: 10_500, roundTripMs: 12_000 })).toBe(1);
});

test('slow answers in rounds when the process itself was busy neither cut nor grow it; fast ones still grow it', async () => {
	let busy = 1;
	const limiter = new AdaptiveLimiter(100, fakeClock(), 40, () => busy);
	expect(await rounds(limiter, () => 150, 1)).toEqual([80]);
	// Three times the baseline, but the process was busy: its own delay in reading the answers.
	expect(await rounds(limiter, () => 450, 3)).toEqual([80, 80, 80]);
	busy = 0.2;
	// Not busy: the same slow answers are the Platform's queue.
	expect((await rounds(limiter, () => 450, 1))[0]).toBe(60);
});

test('answers that spread (100–220 ms) are not a queue: the baseline is the fastest round, not the fastest answer', async () => {
	const limiter = new AdaptiveLimiter(100, fakeClock(), 10);
	const limits: number[] = [];
	for (let round = 0; round < 12; round++) {
		const n = limiter.limit;
		for (let i = 0; i < n; i++) await limiter.acquire();
		for (let i = 0; i < n; i++) limiter.release('ok', 100 + ((i * 7) % 13) * 10);
		limits.push(limiter.limit);
	}
	expect(limits).toEqual([...limits].sort((a, b) => a - b));
	expect(limits[limits.length - 1]).toBe(100);
});

test('a 429 halves what is in flight when that is less than what is allowed', async () => {
	const limiter = new AdaptiveLimiter(100, fakeClock(), 64);
	for (let i = 0; i < 10; i++) await limiter.acquire();
	limiter.release('throttled');
	expect(limiter.limit).toBe(5);
});

test('a 429 to a request sent at the very moment of the last cut does not cut again', async () => {
	const clock = fakeClock();
	const limiter = new AdaptiveLimiter(100, clock, 64);
	for (let i = 0; i < 64; i++) await limiter.acquire();
	limiter.release('throttled', 50);
	expect(limiter.limit).toBe(32);
	await clock.sleep(100);
	limiter.release('throttled', 100);
	expect(limiter.limit).toBe(32);
	limiter.release('throttled', 99);
	expect(limiter.limit).toBe(16);
});

test('rounds whose answers carry no latency leave the baseline as it was', async () => {
	const limiter = new AdaptiveLimiter(100, fakeClock(), 20);
	await rounds(limiter, () => 150, 2);
	// Eight rounds with no latency read (more than a whole baseline window), then slow answers: still a queue.
	for (let round = 0; round < 8; round++) {
		const n = limiter.limit;
		for (let i = 0; i < n; i++) await limiter.acquire();
		for (let i = 0; i < n; i++) limiter.release('ok');
	}
	const before = limiter.limit;
	const limits = await rounds(limiter, () => 600, 3);
	expect(Math.min(...limits)).toBeLessThan(before);
});

test('a round during which the process was busy exactly 70 % of the time is a busy one', async () => {
	const limiter = new AdaptiveLimiter(100, fakeClock(), 40, () => 0.7);
	await rounds(limiter, () => 150, 1);
	expect(await rounds(limiter, () => 450, 2)).toEqual([80, 80]);
});

test("eventLoopBusy reads the share of the time this process's event loop was busy since it was last asked", () => {
	const busy = eventLoopBusy();
	const until = Date.now() + 60;
	while (Date.now() < until);
	const share = busy();
	expect(share).toBeGreaterThan(0.5);
	expect(share).toBeLessThanOrEqual(1);
});
