import type { Clock } from '../nodes/AdobeFlowService/transport/clock';

/**
 * A clock for the transport's tests: it records the waits it is asked for and moves time on by them at
 * once; `onSleep` runs after each wait, with every wait so far.
 */
export function fakeClock(onSleep: (slept: number[]) => void = () => undefined): Clock & { slept: number[] } {
	let now = 1_000;
	const slept: number[] = [];
	return {
		slept,
		now: () => now,
		random: () => 0.5,
		sleep: async (ms) => {
			slept.push(ms);
			now += ms;
			onSleep(slept);
		},
	};
}
