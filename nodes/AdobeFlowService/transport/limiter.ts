/**
 * How many requests may be in flight, found as it goes (TCP's slow start, then additive increase and
 * multiplicative decrease, with TCP Vegas' idea that a queue shows first as latency):
 * - a round is as many answers as the allowance. Until the first sign of congestion (a 429, a 503 or
 *   a round of slow answers) every clean round doubles the allowance, up to the ceiling: across the
 *   internet a round takes a tenth of a second or more, and growing by √n from 50 took seven rounds to
 *   reach 100, long enough for an execution of 1,000 items to end before it got there;
 * - after that sign, every round that the Platform answered fast and refused nothing grows the
 *   allowance by its square root, up to the ceiling;
 * - a 429 or a 503 cuts it at once to what the Platform accepted per round trip over the last second
 *   (its rate of answers times the refusal's round trip), or to half if that is more (BBR's idea: keep
 *   in flight what a round trip delivers): a rate limit refuses only the excess, and halving left it
 *   idle a fifth of the time. A 429 with a Retry-After also pauses every request until then. Once per
 *   round trip: the other refusals of the same burst were sent before the cut, and cutting again for
 *   each would take it down to 1 for one overshoot;
 * - answers twice as slow as the fastest round of late (the lowest mean latency of the last five
 *   rounds) mean requests are queueing: the allowance drops by a quarter at the end of that round. Answers under 50 ms are never taken for a queue: at that speed
 *   the Platform is not the bottleneck, and a loopback server's jitter would look like one. Nor are
 *   slow answers in a round during which this process's event loop was busy 70 % of the time or more
 *   (n8n working through a thousand items, or a loaded machine): an answer then waits for the process
 *   to read it, and its latency says how busy the process is, not the Platform. Such a round neither
 *   cuts nor grows the allowance. (70 %: at that share `npm run bench` saw answers of a 150 ms
 *   emulator read at 250–700 ms, and the allowance cut to 15 for nothing.)
 */
import type { Clock } from './clock';
import { SYSTEM_CLOCK } from './clock';

export type Outcome = 'ok' | 'throttled' | 'other';

/** Latency below this is never read as queueing. */
const QUEUE_FREE_MS = 50;
/** Answers this many times slower than the baseline mean requests are queueing. */
const SLOW_RATIO = 2;
/** A round during which the process was busy this share of the time or more says nothing of the Platform's queue (see above). */
const BUSY_SHARE = 0.7;
/** How many rounds the baseline (the fastest answer) is kept for before it is measured again. */
const BASELINE_ROUNDS = 5;
/** How long answers are remembered for, to read the Platform's rate of answers when a 429 comes. */
const ACCEPTED_KEPT_MS = 10_000;
/** The shortest span over which the Platform's rate of answers is read when a 429 comes. */
const RATE_WINDOW_MS = 1000;

/**
 * The fastest round of late (the baseline: the lowest of the last rounds' mean latencies) and a
 * smoothed recent latency. Round means rather than single answers: a Platform whose answers spread
 * (100–200 ms) has a fastest answer far below its usual one, and a little extra delay would then
 * read as a queue.
 */
export class LatencyWatch {
	private baseline = Number.POSITIVE_INFINITY;
	private windowMin = Number.POSITIVE_INFINITY;
	private rounds = 0;
	private smoothed: number | undefined;
	private roundSum = 0;
	private roundCount = 0;

	add(ms: number): void {
		this.smoothed = this.smoothed === undefined ? ms : this.smoothed * 0.8 + ms * 0.2;
		this.roundSum += ms;
		this.roundCount++;
	}

	/**
	 * Whether the round that ended showed requests queueing (never the first: there is no baseline
	 * yet). Every few rounds the baseline is measured again, so a Platform that became slower for good
	 * is not taken for a queue for long.
	 */
	endRound(): boolean {
		const queueing = this.smoothed !== undefined && this.smoothed >= QUEUE_FREE_MS && this.smoothed >= SLOW_RATIO * Math.max(this.baseline, 1);
		if (this.roundCount > 0) {
			const mean = this.roundSum / this.roundCount;
			this.baseline = Math.min(this.baseline, mean);
			this.windowMin = Math.min(this.windowMin, mean);
			this.roundSum = 0;
			this.roundCount = 0;
		}
		if (++this.rounds >= BASELINE_ROUNDS && this.windowMin !== Number.POSITIVE_INFINITY) {
			this.baseline = this.windowMin;
			this.windowMin = Number.POSITIVE_INFINITY;
			this.rounds = 0;
		}
		return queueing;
	}
}

/** The share of the time this process's event loop was busy since the last call (Node's event loop utilization). */
export function eventLoopBusy(): () => number {
	let last = performance.eventLoopUtilization();
	return () => {
		const now = performance.eventLoopUtilization();
		const share = performance.eventLoopUtilization(now, last).utilization;
		last = now;
		return share;
	};
}

export class AdaptiveLimiter {
	private allowed: number;
	private inFlight = 0;
	private successes = 0;
	private pausedUntil = 0;
	/** Slow start: doubling each clean round, until the first 429, 503 or slow round. */
	private probing = true;
	/** When a 429 or a 503 last cut the allowance: answers to requests sent before then do not cut it again. */
	private cutAt = Number.NEGATIVE_INFINITY;
	private readonly latency = new LatencyWatch();
	private readonly waiting: Array<() => void> = [];
	/** When each answer of the last ACCEPTED_KEPT_MS came, oldest first. */
	private readonly accepted: number[] = [];

	/**
	 * `ceiling`: the most ever allowed; `start`: what is allowed before any answer (the ceiling unless
	 * given); `busy`: how busy the process was since it was last asked (0–1), read at the end of each
	 * round. By default the event loop's own with the system clock, and never busy with a test's clock.
	 */
	constructor(
		private readonly ceiling: number,
		private readonly clock: Clock,
		start = ceiling,
		private readonly busy: () => number = clock === SYSTEM_CLOCK ? eventLoopBusy() : () => 0,
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
			// Once per round trip, as TCP does: the other 429s of the same burst were sent before the cut.
			const sentAt = latencyMs === undefined ? undefined : this.clock.now() - latencyMs;
			if (sentAt === undefined || sentAt > this.cutAt) {
				const half = Math.floor(Math.min(this.allowed, this.inFlight + 1) / 2);
				// What the Platform accepts per round trip is what it takes in flight (BBR's delivery rate ×
				// round trip): a rate limit refuses only the excess, and halving would leave it idle.
				const accepted = latencyMs === undefined ? 0 : this.acceptedPerRoundTrip(latencyMs);
				this.allowed = Math.max(1, Math.min(this.allowed, Math.max(half, accepted)));
				this.cutAt = this.clock.now();
			}
			this.successes = 0;
			this.probing = false;
		} else if (outcome === 'ok') {
			this.accepted.push(this.clock.now());
			if (latencyMs !== undefined) this.latency.add(latencyMs);
			if (++this.successes >= this.allowed) this.endRound();
		}
		// Stryker disable next-line UpdateOperator: waking more waiters than there are places is harmless, each checks again
		for (let free = this.allowed - this.inFlight; free > 0 && this.waiting.length > 0; free--) this.waiting.shift()!();
	}

	/** Holds every request back for `ms` from now (a 429's Retry-After, or its back-off). */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
	}

	/**
	 * What the Platform accepted per round trip of late: its rate of answers over the last second (or
	 * four round trips, if longer) times the round trip. A rate over one round trip alone reads 0 while
	 * a rate limit's window is full, and the allowance would fall to 1 just before the window frees.
	 */
	private acceptedPerRoundTrip(roundTripMs: number): number {
		const windowMs = Math.max(RATE_WINDOW_MS, 4 * roundTripMs);
		return Math.floor((this.acceptedSince(this.clock.now() - windowMs) * roundTripMs) / windowMs);
	}

	/** Answers since `since`; forgets those older than ACCEPTED_KEPT_MS. */
	private acceptedSince(since: number): number {
		const now = this.clock.now();
		let old = 0;
		while (old < this.accepted.length && this.accepted[old] < now - ACCEPTED_KEPT_MS) old++;
		this.accepted.splice(0, old);
		let first = this.accepted.length;
		while (first > 0 && this.accepted[first - 1] >= since) first--;
		return this.accepted.length - first;
	}

	private endRound(): void {
		this.successes = 0;
		const selfBusy = this.busy() >= BUSY_SHARE;
		if (this.latency.endRound()) {
			if (selfBusy) return;
			this.allowed = Math.max(1, Math.floor(this.allowed * 0.75));
			this.probing = false;
		} else {
			this.allowed = Math.min(this.ceiling, this.probing ? this.allowed * 2 : this.allowed + Math.ceil(Math.sqrt(this.allowed)));
		}
	}
}
