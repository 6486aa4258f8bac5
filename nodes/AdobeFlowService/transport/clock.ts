/** The one seam for time: the retry loop and the limiter wait and read the time through it; tests pass their own. */
import { sleep } from 'n8n-workflow';

export interface Clock {
	sleep(ms: number): Promise<void>;
	now(): number;
	/** A number in [0, 1), for jitter. */
	random(): number;
}

export const SYSTEM_CLOCK: Clock = { sleep, now: () => Date.now(), random: () => Math.random() };
