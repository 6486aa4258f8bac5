import { sleepUnlessAborted } from '../../../../nodes/AdobeFlowService/transport/clock';
import { fakeClock } from '../../../../support/fakeClock';

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
