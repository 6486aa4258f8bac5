/**
 * The `property` filters of Flow Service lists, as Adobe's sort-and-filter guide
 * (help/dataflows/api/sort-and-filter.md) writes them: `path op value[,value]`, a comma-list meaning
 * any of; a member of an array is reached with `[]` in the path (`sourceConnectionIds[]==a,b`), and
 * an array reached without `[]` matches nothing.
 */

export interface PropertyFilter {
	path: string;
	op: '==' | '!=' | '>=' | '<=' | '>' | '<';
	values: string[];
}

export const COMPARISONS: ReadonlyArray<PropertyFilter['op']> = ['>=', '<=', '>', '<'];

/** A path (no operator characters), then the longest operator there, then the value. */
const FILTER = /^([^=!<>]+)(==|!=|>=|<=|>|<)(.*)$/s;

export function parseProperty(text: string): PropertyFilter | undefined {
	const match = FILTER.exec(text);
	if (!match) return undefined;
	const values = match[3].split(',').map((v) => v.replace(/^"(.*)"$/, '$1'));
	return { path: match[1].trim(), op: match[2] as PropertyFilter['op'], values };
}

/** The last name of a path, without `[]`: `metrics.statusSummary.status` → `status`. */
export function fieldName(path: string): string {
	return path.split('.').pop()!.replace(/\[\]$/, '');
}

/** Every value a path reaches in an item: one, or one per array member where the path says `[]`. */
function valuesAt(item: unknown, path: string): unknown[] {
	let reached: unknown[] = [item];
	for (const segment of path.split('.')) {
		const many = segment.endsWith('[]');
		const key = many ? segment.slice(0, -2) : segment;
		reached = reached.flatMap((at) => {
			const value = at !== null && typeof at === 'object' && !Array.isArray(at) ? (at as Record<string, unknown>)[key] : undefined;
			if (many) return Array.isArray(value) ? value : [];
			return [value];
		});
	}
	return reached.filter((value) => value !== undefined && value !== null && typeof value !== 'object');
}

/**
 * Statuses and states are compared in any case: the guide filters runs on `status==Failed` where
 * every run Adobe shows says `failed`, and lists its run `state` filter as `inProgress`.
 */
const ANY_CASE = new Set(['status', 'state']);

function compare(actual: unknown, expected: string): number {
	if (typeof actual === 'number') return actual - Number(expected);
	return String(actual).localeCompare(expected);
}

export function matches(item: Record<string, unknown>, filter: PropertyFilter): boolean {
	const anyCase = ANY_CASE.has(fieldName(filter.path));
	const text = (value: unknown) => (anyCase ? String(value).toLowerCase() : String(value));
	const wanted = filter.values.map((v) => (anyCase ? v.toLowerCase() : v));
	const found = valuesAt(item, filter.path);
	switch (filter.op) {
		case '==':
			return found.some((actual) => wanted.includes(text(actual)));
		case '!=':
			return found.every((actual) => !wanted.includes(text(actual)));
		case '>':
			return found.some((actual) => compare(actual, filter.values[0]) > 0);
		case '<':
			return found.some((actual) => compare(actual, filter.values[0]) < 0);
		case '>=':
			return found.some((actual) => compare(actual, filter.values[0]) >= 0);
		default:
			return found.some((actual) => compare(actual, filter.values[0]) <= 0);
	}
}
