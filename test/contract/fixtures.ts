/**
 * Adobe's documented request and response examples (fixtures/*.json, each naming its source), and
 * what the contract tests compare: shapes — keys, nesting and types — never values.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Fixture {
	source: { repo: string; path: string; commit: string; note?: string };
	request?: {
		method: string;
		path: string;
		query?: Record<string, string | string[]>;
		headers?: string[];
		body?: unknown;
		ifMatch?: string;
		/** The query parameters the OpenAPI lists for the endpoint, where the test checks them. */
		allowedQuery?: string[];
		form?: string[];
	};
	response: { status: number; body?: unknown };
}

const DIRECTORY = join(__dirname, 'fixtures');

export const FIXTURES: Record<string, Fixture> = Object.fromEntries(
	readdirSync(DIRECTORY)
		.filter((file) => file.endsWith('.json'))
		.map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(join(DIRECTORY, file), 'utf8')) as Fixture]),
);

/** The shape of a JSON value: objects by their keys, arrays by their first element, the rest by type. */
export function shapeOf(value: unknown): unknown {
	if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((key) => [key, shapeOf((value as Record<string, unknown>)[key])]),
		);
	}
	return value === null ? 'null' : typeof value;
}

/**
 * Members whose keys are data, not API: a connector's auth params and auth spec fields, a table's
 * rows (keyed by its columns). They are compared as objects, not key by key.
 */
const OPEN_MAPS = [/\/auth\/params$/, /\/spec\/properties$/, /\/spec\/required$/, /^\/data\/\d+$/];

/** Paths in `documented` missing from `actual`, or of another type there: empty when actual has at least the documented shape. */
export function missingShape(documented: unknown, actual: unknown, at = ''): string[] {
	if (OPEN_MAPS.some((pattern) => pattern.test(at))) return typeof documented === typeof actual ? [] : [`${at} is ${typeof actual}, documented ${typeof documented}`];
	if (Array.isArray(documented)) {
		if (!Array.isArray(actual)) return [`${at || '/'} is not an array`];
		return documented.length === 0 || actual.length === 0 ? [] : missingShape(documented[0], actual[0], `${at}/0`);
	}
	if (documented !== null && typeof documented === 'object') {
		if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${at || '/'} is not an object`];
		return Object.keys(documented).flatMap((key) =>
			key in actual ? missingShape((documented as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], `${at}/${key}`) : [`${at}/${key} is missing`],
		);
	}
	return typeof documented === typeof actual ? [] : [`${at} is ${typeof actual}, documented ${typeof documented}`];
}

/** The keys of a `KEY=value;KEY=value` string, in order (values in these tests hold no ; or =). */
export function connectionStringKeys(text: string): string[] {
	return text
		.split(';')
		.filter(Boolean)
		.map((pair) => pair.split('=')[0].trim().toUpperCase());
}
