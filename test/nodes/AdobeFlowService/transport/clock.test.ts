import type { Clock } from '../../../../nodes/AdobeFlowService/transport/clock';
import { sleepUnlessAborted } from '../../../../nodes/AdobeFlowService/transport/clock';

/** A clock that records the waits it is asked for and moves time on by them at once; `onSleep` runs after each. */
function fakeClock(onSleep: (slept: number[]) => void = () => undefined): Clock & { slept: number[] } {
	let now = 5_000;
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

test('sleeps the whole time in steps of at most a second', async () => {
	const clock = fakeClock();
	await sleepUnlessAborted(2_500, undefined, clock);
	expect(clock.slept).toEqual([1_000, 1_000, 500]);
});

test('stops at the first step after the execution is cancelled, and not at all once it is', async () => {
	const controller = new AbortController();
	const clock = fakeClock((slept) => slept.length === 2 && controller.abort());
	await sleepUnlessAborted(60_000, controller.signal, clock);
	expect(clock.slept).toEqual([1_000, 1_000]);
	const again = fakeClock();
	await sleepUnlessAborted(60_000, controller.signal, again);
	expect(again.slept).toEqual([]);
});
