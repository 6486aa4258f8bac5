/** The one seam for time: the retry loop and the limiter wait and read the time through it; tests pass their own. */
import { sleep } from 'n8n-workflow';

export interface Clock {
	sleep(ms: number): Promise<void>;
	now(): number;
	/** A number in [0, 1), for jitter. */
	random(): number;
}

export const SYSTEM_CLOCK: Clock = { sleep, now: () => Date.now(), random: () => Math.random() };

/**
 * Sleeps `ms`, in steps of at most a second, and returns early once `signal` is aborted (the
 * execution was cancelled). n8n-workflow's own `sleepWithAbort` is not in every n8n this package
 * runs in (2.41's has none); `sleep` is.
 */
export async function sleepUnlessAborted(ms: number, signal?: AbortSignal, clock: Clock = SYSTEM_CLOCK): Promise<void> {
	const until = clock.now() + ms;
	for (let left = ms; left > 0 && !signal?.aborted; left = until - clock.now()) await clock.sleep(Math.min(left, 1000));
}
