import { runInOrder } from '../../../../nodes/AdobeFlowService/helpers/pool';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('results keep the input order whatever order tasks finish in', async () => {
	const out = await runInOrder(6, 3, async (i) => {
		await tick((6 - i) * 3);
		return i * 10;
	});
	expect(out).toEqual([0, 10, 20, 30, 40, 50]);
});

test('never more than `concurrency` tasks at once, and all of them used', async () => {
	let running = 0;
	let most = 0;
	await runInOrder(20, 4, async () => {
		running++;
		most = Math.max(most, running);
		await tick(2);
		running--;
	});
	expect(most).toBe(4);
});

test('concurrency 0 or more than the tasks still runs each task once', async () => {
	const seen: number[] = [];
	await runInOrder(3, 0, async (i) => void seen.push(i));
	await runInOrder(2, 50, async (i) => void seen.push(i));
	expect(seen).toEqual([0, 1, 2, 0, 1]);
	expect(await runInOrder(0, 5, async () => 1)).toEqual([]);
});

test('after a failure no new task starts; those under way finish; the first failure is thrown', async () => {
	const started: number[] = [];
	const finished: number[] = [];
	const run = runInOrder(10, 2, async (i) => {
		started.push(i);
		await tick(i === 1 ? 20 : 5);
		if (i === 0) throw new Error('first');
		if (i === 1) throw new Error('second');
		finished.push(i);
	});
	await expect(run).rejects.toThrow('first');
	expect(started).toEqual([0, 1]);
	expect(finished).toEqual([]);
});
