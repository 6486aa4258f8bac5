/** The `property` filters of Flow Service lists: `path op value[,value]`, a comma-list meaning any of. */

export interface PropertyFilter {
	path: string;
	op: '==' | '!=' | '>=' | '<=' | '>' | '<';
	values: string[];
}

const OPERATORS: PropertyFilter['op'][] = ['==', '!=', '>=', '<=', '>', '<'];

export function parseProperty(text: string): PropertyFilter | undefined {
	for (const op of OPERATORS) {
		const at = text.indexOf(op);
		if (at > 0) {
			const raw = text.slice(at + op.length);
			const values = raw.split(',').map((v) => v.replace(/^"(.*)"$/, '$1'));
			return { path: text.slice(0, at).trim(), op, values };
		}
	}
	return undefined;
}

function valueAt(item: Record<string, unknown>, path: string): unknown {
	return path.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), item);
}

function compare(actual: unknown, expected: string): number {
	if (typeof actual === 'number') return actual - Number(expected);
	return String(actual ?? '').localeCompare(expected);
}

export function matches(item: Record<string, unknown>, filter: PropertyFilter): boolean {
	const actual = valueAt(item, filter.path);
	switch (filter.op) {
		case '==':
			return filter.values.some((v) => String(actual) === v);
		case '!=':
			return filter.values.every((v) => String(actual) !== v);
		case '>':
			return compare(actual, filter.values[0]) > 0;
		case '<':
			return compare(actual, filter.values[0]) < 0;
		case '>=':
			return compare(actual, filter.values[0]) >= 0;
		default:
			return compare(actual, filter.values[0]) <= 0;
	}
}
