/** Concurrency: order and pairing never change, and a 429 pauses every item together. */
import { ORG, useStack } from '../../../../support/harness';

const h = useStack();

const logTimes = (from: number) =>
	h.stack.emulator.log.slice(from).map((line) => {
		const [at, method, path, status] = line.split(' ');
		return { at: Date.parse(at), method, path, status: Number(status) };
	});

test('with 7 at a time and slow early answers, output order and pairing follow the input', async () => {
	// The first three creates answer late, so later items finish first.
	h.stack.emulator.faults.add({ method: 'POST', path: /^\/connections$/, kind: { type: 'delay', ms: 300 }, times: 3 });
	const items = Array.from({ length: 30 }, (_, i) => ({ i }));
	const out = await h.run(h.greenplum('={{ "order-" + $json.i }}', { options: { concurrency: 7, ifExists: 'create' } }), { items });
	expect(out.map((o) => o.json.name)).toEqual(items.map((x) => `order-${x.i}`));
	expect(out.map((o) => o.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
	// The emulator saw them out of order, so the order above was restored, not lucky.
	const created = h.stack.emulator.connections(ORG).filter((c) => c.name.startsWith('order-')).sort((a, b) => a.createdAt - b.createdAt);
	expect(created.map((c) => c.name)).not.toEqual(items.map((x) => `order-${x.i}`));
});

test('a 429 with Retry-After pauses all items, not just the one that met it', async () => {
	const from = h.stack.emulator.log.length;
	// One create meets 429 while others are in flight.
	h.stack.emulator.faults.add({ method: 'POST', path: /^\/connections$/, kind: { type: 'status', status: 429, retryAfter: '1', body: { error_code: '429050', message: 'Too many requests' } }, times: 1 });
	const items = Array.from({ length: 12 }, (_, i) => ({ i }));
	const out = await h.run(h.greenplum('={{ "pause-" + $json.i }}', { options: { concurrency: 4, ifExists: 'create' } }), { items });
	expect(out.filter((o) => o.json.error)).toEqual([]);
	const requests = logTimes(from);
	const throttled = requests.find((r) => r.status === 429)!;
	const during = requests.filter((r) => r.at > throttled.at + 50 && r.at < throttled.at + 900);
	// Only requests already in flight when the 429 came may arrive in the pause; none is sent in it.
	expect(during.length).toBeLessThanOrEqual(3);
	const after = requests.filter((r) => r.at >= throttled.at + 950);
	expect(after.length).toBeGreaterThan(0);
});
