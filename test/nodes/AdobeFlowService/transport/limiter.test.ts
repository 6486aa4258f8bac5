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

test('a 429 halves what is allowed; a run of successes as long as the allowance raises it by one, up to the most', async () => {
	const limiter = new AdaptiveLimiter(8, fakeClock());
	for (let i = 0; i < 8; i++) await limiter.acquire();
	limiter.release('throttled');
	expect(limiter.limit).toBe(4);
	for (let i = 0; i < 7; i++) limiter.release('other');
	for (let i = 0; i < 4; i++) {
		await limiter.acquire();
		limiter.release('ok');
	}
	expect(limiter.limit).toBe(5);
	limiter.pause(0);
	for (let i = 0; i < 100; i++) {
		await limiter.acquire();
		limiter.release('ok');
	}
	expect(limiter.limit).toBe(8);
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
