/**
 * What holds for a whole execution: the request settings under Options, and the node's parameters
 * that are the same for every item (no expression in them), read once instead of once per item.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_SECONDS } from '../../transport';

/**
 * Concurrency is a ceiling: the transport's limiter starts at the lower of it and AUTO_START and grows
 * while the Platform answers fast (transport/limiter.ts). Without the option (Auto) the ceiling is
 * MAX_CONCURRENCY. Both were chosen against the emulator at a Platform-like 150 ± 50 ms, the node run
 * outside n8n (support/runNode.ts, 3 runs each): 1,000 creates took 1.5–1.8 s from 50 up to 200,
 * 1.3–1.4 s from 100 up to 400, and no less up to 1,000 (the process's own work is then the bound);
 * starting at 200 made `npm run bench`'s throttled run at 20 ms slower (docs/performance.md). 400 also
 * stays well under the 1,024 open files many systems allow a process (each request in flight holds a
 * socket).
 */
export const AUTO_START = 100;
export const MAX_CONCURRENCY = 400;
/** What the Concurrency option shows when added. */
export const DEFAULT_CONCURRENCY = AUTO_START;

export interface RequestSettings {
	/** The most requests (and items) in flight at once. */
	concurrency: number;
	/** Requests in flight before the first answers. */
	startConcurrency: number;
	timeoutMs: number;
}

export function readSettings(context: IExecuteFunctions): RequestSettings {
	const options = context.getNodeParameter('options', 0, {}) as { concurrency?: number; timeout?: number };
	const concurrency = Math.min(MAX_CONCURRENCY, Math.max(1, Math.floor(options.concurrency ?? MAX_CONCURRENCY)));
	const timeoutSeconds = typeof options.timeout === 'number' && options.timeout > 0 ? options.timeout : DEFAULT_TIMEOUT_SECONDS;
	return { concurrency, startConcurrency: Math.min(concurrency, AUTO_START), timeoutMs: timeoutSeconds * 1000 };
}

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (value !== null && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * The context, with getNodeParameter answering from a cache for a parameter that holds no expression:
 * its value cannot differ from one item to the next, and n8n would otherwise resolve it for each.
 * Whether a parameter holds one is looked up once per parameter, not on every read.
 */
export function withFixedParametersOnce(context: IExecuteFunctions): IExecuteFunctions {
	const parameters = context.getNode().parameters;
	/** Per parameter name: undefined where it holds an expression, else its values read so far, by how they were asked for. */
	const fixed = new Map<string, Map<string, unknown> | undefined>();
	const getNodeParameter = ((name: string, itemIndex: number, fallback?: unknown, options?: object) => {
		if (!fixed.has(name)) fixed.set(name, holdsExpression(parameters[name]) ? undefined : new Map());
		const values = fixed.get(name);
		if (values === undefined) return context.getNodeParameter(name, itemIndex, fallback, options);
		const key = options === undefined && fallback === undefined ? '' : JSON.stringify([options ?? {}, fallback ?? null]);
		if (!values.has(key)) values.set(key, context.getNodeParameter(name, itemIndex, fallback, options));
		return values.get(key);
	}) as IExecuteFunctions['getNodeParameter'];
	return new Proxy(context, {
		get: (target, property) => (property === 'getNodeParameter' ? getNodeParameter : Reflect.get(target, property)),
	});
}
