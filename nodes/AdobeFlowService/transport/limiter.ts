/**
 * How many requests may be in flight: additive increase, multiplicative decrease. A 429 halves the
 * number allowed and pauses every request until the time the Platform asked for; each run of
 * successes as long as the current allowance raises it by one, up to the configured most.
 */
import type { Clock } from './clock';

export type Outcome = 'ok' | 'throttled' | 'other';

export class AdaptiveLimiter {
	private allowed: number;
	private inFlight = 0;
	private successes = 0;
	private pausedUntil = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(
		private readonly max: number,
		private readonly clock: Clock,
	) {
		this.allowed = max;
	}

	/** Requests allowed in flight now. */
	get limit(): number {
		return this.allowed;
	}

	/** Waits for the shared pause to pass and for a free place, then takes it. */
	async acquire(): Promise<void> {
		const pause = this.pausedUntil - this.clock.now();
		if (pause > 0) await this.clock.sleep(pause);
		while (this.inFlight >= this.allowed) await new Promise<void>((resolve) => this.waiting.push(resolve));
		this.inFlight++;
	}

	release(outcome: Outcome): void {
		this.inFlight--;
		if (outcome === 'throttled') {
			this.allowed = Math.max(1, Math.floor(Math.min(this.allowed, this.inFlight + 1) / 2));
			this.successes = 0;
		} else if (outcome === 'ok' && this.allowed < this.max && ++this.successes >= this.allowed) {
			this.allowed++;
			this.successes = 0;
		}
		for (let free = this.allowed - this.inFlight; free > 0 && this.waiting.length > 0; free--) this.waiting.shift()!();
	}

	/** Holds every request back for `ms` from now (a 429's Retry-After, or its back-off). */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
	}
}
