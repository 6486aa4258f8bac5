/**
 * The Platform's time. Everything the emulator stamps or schedules reads it: when a dataflow's run
 * comes due, a run's start and end, every object's createdAt and updatedAt, when an IMS token
 * expires. It is the machine's clock, and a test (`emulator.clock.advance(ms)`, `setNow(epochMs)`) or
 * `npm run emulator` (typing `+1d`) can move it forward — to the next night, say — and it goes on
 * ticking from there. It never goes back: the Platform's runs and stamps only ever move forward.
 * The server's own log lines, its rate limit and how long a run takes are in real time.
 */
export class Clock {
	private offsetMs = 0;

	/** Epoch milliseconds, as the Platform sees them. */
	now(): number {
		return Date.now() + this.offsetMs;
	}

	/** Moves the clock forward by this many milliseconds. */
	advance(ms: number): void {
		if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`The emulator's clock only moves forward (asked to move by ${ms} ms)`);
		this.offsetMs += ms;
	}

	/** Moves the clock forward to this time (epoch milliseconds). */
	setNow(epochMs: number): void {
		this.advance(epochMs - this.now());
	}

	/** How far ahead of the machine's clock it is, in milliseconds. */
	get aheadMs(): number {
		return this.offsetMs;
	}
}

const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/** A duration such as `1d`, `24h`, `90m`, `1d2h30m` or `45s`, in milliseconds; NaN when it is not one. */
export function parseDuration(text: string): number {
	const trimmed = text.trim().toLowerCase();
	if (!/^(\d+(\.\d+)?[dhms])+$/.test(trimmed)) return NaN;
	let total = 0;
	for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)([dhms])/g)) total += Number(amount) * UNIT_MS[unit];
	return total;
}

/**
 * A line typed into `npm run emulator` or `npm run try`: `+1d` (or `+24h`, `+30m`…) moves the clock
 * forward by that much. Returns what to print, or undefined when the line is not a clock command.
 */
export function clockCommand(clock: Clock, line: string): string | undefined {
	const match = /^\s*\+\s*(\S+)\s*$/.exec(line);
	if (!match) return undefined;
	const ms = parseDuration(match[1]);
	if (Number.isNaN(ms)) return `Not a duration: ${match[1]} (e.g. +1d, +24h, +90m)`;
	clock.advance(ms);
	return `The Platform's clock is now ${new Date(clock.now()).toISOString()} (${describeAhead(clock.aheadMs)} ahead of this machine's): dataflow runs due by then start when runs or dataflows are next read.`;
}

function describeAhead(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	const days = Math.floor(minutes / 1440);
	const hours = Math.floor((minutes % 1440) / 60);
	const rest = minutes % 60;
	return [days ? `${days}d` : '', hours ? `${hours}h` : '', rest || (!days && !hours) ? `${rest}m` : ''].filter(Boolean).join(' ');
}
