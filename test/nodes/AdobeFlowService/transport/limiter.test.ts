import { AdaptiveLimiter } from '../../../../nodes/AdobeFlowService/transport/limiter';
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

test('Auto: from where it starts, it grows while answers stay fast, up to the ceiling', async () => {
	const limiter = new AdaptiveLimiter(100, fakeClock(), 50);
	expect(limiter.limit).toBe(50);
	expect(await rounds(limiter, () => 150, 6)).toEqual([58, 66, 75, 84, 94, 100]);
});

test('answers twice as slow as the fastest of late cut it by a quarter each round; fast again, it recovers', async () => {
	const limiter = new AdaptiveLimiter(100, fakeClock(), 40);
	// A Platform answering in 150 ms, then queueing (400 ms), then fast again.
	const latency = (round: number) => (round < 2 ? 150 : round < 6 ? 400 : 150);
	const limits = await rounds(limiter, latency, 14);
	expect(limits.slice(0, 2)).toEqual([47, 54]);
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
