/** What holds for a whole execution: Concurrency and Timeout, and parameters without expressions read once. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { AUTO_START, DEFAULT_CONCURRENCY, MAX_CONCURRENCY, readSettings, withFixedParametersOnce } from '../../../../../nodes/AdobeFlowService/actions/shared/settings';
import { DEFAULT_TIMEOUT_SECONDS } from '../../../../../nodes/AdobeFlowService/transport';

/** A context whose parameters are `parameters`, resolved per item by `resolve`, counting the reads. */
function context(parameters: Record<string, unknown>, resolve: (name: string, itemIndex: number) => unknown = (name) => parameters[name]) {
	const reads: string[] = [];
	const ctx = {
		getNode: () => ({ parameters }),
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			reads.push(`${name}@${itemIndex}`);
			return resolve(name, itemIndex) ?? fallback;
		},
		other: () => 'passed through',
	} as unknown as IExecuteFunctions & { other(): string };
	return { ctx, reads };
}

test.each([
	// Auto: the node finds its pace, from AUTO_START up to the most.
	[{}, MAX_CONCURRENCY, AUTO_START, DEFAULT_TIMEOUT_SECONDS * 1000],
	[{ concurrency: DEFAULT_CONCURRENCY }, DEFAULT_CONCURRENCY, AUTO_START, DEFAULT_TIMEOUT_SECONDS * 1000],
	[{ concurrency: 0 }, 1, 1, DEFAULT_TIMEOUT_SECONDS * 1000],
	[{ concurrency: 7.9, timeout: 5 }, 7, 7, 5000],
	[{ concurrency: 80 }, 80, 80, DEFAULT_TIMEOUT_SECONDS * 1000],
	[{ concurrency: 150 }, 150, AUTO_START, DEFAULT_TIMEOUT_SECONDS * 1000],
	[{ concurrency: 10_000, timeout: -1 }, MAX_CONCURRENCY, AUTO_START, DEFAULT_TIMEOUT_SECONDS * 1000],
])('Options %j: Concurrency %i at most, %i at first, timeout %i ms', (options, concurrency, startConcurrency, timeoutMs) => {
	expect(readSettings(context({ options }).ctx)).toEqual({ concurrency, startConcurrency, timeoutMs });
});

test('a parameter without an expression is read once for all items; one with an expression, for each', () => {
	const { ctx, reads } = context({ name: 'fixed', table: '={{ $json.table }}' }, (name, i) => (name === 'table' ? `t${i}` : 'fixed'));
	const once = withFixedParametersOnce(ctx);
	expect([0, 1, 2].map((i) => once.getNodeParameter('name', i))).toEqual(['fixed', 'fixed', 'fixed']);
	expect([0, 1, 2].map((i) => once.getNodeParameter('table', i))).toEqual(['t0', 't1', 't2']);
	expect(reads).toEqual(['name@0', 'table@0', 'table@1', 'table@2']);
	expect((once as typeof ctx).other()).toBe('passed through');
});

test('an expression nested in a collection makes the whole parameter per item', () => {
	const { ctx, reads } = context({ options: { ifExists: '={{ $json.mode }}' } });
	const once = withFixedParametersOnce(ctx);
	once.getNodeParameter('options', 0);
	once.getNodeParameter('options', 1);
	expect(reads).toEqual(['options@0', 'options@1']);
});
