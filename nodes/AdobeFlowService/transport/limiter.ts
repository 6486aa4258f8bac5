/**
 * How many requests may be in flight, found as it goes (additive increase, multiplicative decrease,
 * with TCP Vegas' idea that a queue shows first as latency):
 * - every round (as many answers as the allowance) that the Platform answered fast and refused
 *   nothing, the allowance grows by its square root, up to the ceiling;
 * - a 429 or a 503 halves it at once (and a 429 pauses every request until the time it asked for);
 * - answers twice as slow as the fastest of late (the last five rounds) mean requests are queueing:
 *   the allowance drops by a quarter at the end of that round. Answers under 50 ms are never taken for a queue: at that speed
 *   the Platform is not the bottleneck, and a loopback server's jitter would look like one.
 */
import type { Clock } from './clock';

export type Outcome = 'ok' | 'throttled' | 'other';

/** Latency below this is never read as queueing. */
const QUEUE_FREE_MS = 50;
/** Answers this many times slower than the baseline mean requests are queueing. */
const SLOW_RATIO = 2;
/** How many rounds the baseline (the fastest answer) is kept for before it is measured again. */
const BASELINE_ROUNDS = 5;

/** The fastest answer of late (the baseline) and a smoothed recent latency. */
export class LatencyWatch {
	private baseline = Number.POSITIVE_INFINITY;
	private windowMin = Number.POSITIVE_INFINITY;
	private rounds = 0;
	private smoothed: number | undefined;

	add(ms: number): void {
		this.smoothed = this.smoothed === undefined ? ms : this.smoothed * 0.8 + ms * 0.2;
		this.baseline = Math.min(this.baseline, ms);
		this.windowMin = Math.min(this.windowMin, ms);
	}

	/**
	 * Whether the round that ended showed requests queueing. Every few rounds the baseline is measured
	 * again, so a Platform that became slower for good is not taken for a queue for long.
	 */
	endRound(): boolean {
		const queueing = this.smoothed !== undefined && this.smoothed >= QUEUE_FREE_MS && this.smoothed >= SLOW_RATIO * Math.max(this.baseline, 1);
		if (++this.rounds >= BASELINE_ROUNDS && this.windowMin !== Number.POSITIVE_INFINITY) {
			this.baseline = this.windowMin;
			this.windowMin = Number.POSITIVE_INFINITY;
			this.rounds = 0;
		}
		return queueing;
	}
}

export class AdaptiveLimiter {
	private allowed: number;
	private inFlight = 0;
	private successes = 0;
	private pausedUntil = 0;
	private readonly latency = new LatencyWatch();
	private readonly waiting: Array<() => void> = [];

	/** `ceiling`: the most ever allowed; `start`: what is allowed before any answer (the ceiling unless given). */
	constructor(
		private readonly ceiling: number,
		private readonly clock: Clock,
		start = ceiling,
	) {
		this.allowed = Math.max(1, Math.min(ceiling, start));
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

	/** Gives the place back, with how the request ended and, for an answer, how long it took. */
	release(outcome: Outcome, latencyMs?: number): void {
		this.inFlight--;
		if (outcome === 'throttled') {
			this.allowed = Math.max(1, Math.floor(Math.min(this.allowed, this.inFlight + 1) / 2));
			this.successes = 0;
		} else if (outcome === 'ok') {
			if (latencyMs !== undefined) this.latency.add(latencyMs);
			if (++this.successes >= this.allowed) this.endRound();
		}
		for (let free = this.allowed - this.inFlight; free > 0 && this.waiting.length > 0; free--) this.waiting.shift()!();
	}

	/** Holds every request back for `ms` from now (a 429's Retry-After, or its back-off). */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
	}

	private endRound(): void {
		this.successes = 0;
		if (this.latency.endRound()) this.allowed = Math.max(1, Math.floor(this.allowed * 0.75));
		else this.allowed = Math.min(this.ceiling, this.allowed + Math.ceil(Math.sqrt(this.allowed)));
	}
}
