/**
 * The `property` filters of Flow Service lists. One quoting rule: a value is written in double
 * quotes (`name=="Sales warehouse"`), as in Adobe's own `name=="…"` examples. A comma separates the
 * values of an OR-list (`connectionSpec.id==a,b`), and Adobe documents no way to escape one or a
 * quote, so a value holding either cannot be filtered exactly: `exactFilter` then gives undefined,
 * and the caller reads the list and compares the value itself.
 */
export function exactFilter(path: string, value: string): string | undefined {
	if (value.includes(',') || value.includes('"')) return undefined;
	return `${path}=="${value}"`;
}

/** An OR-list of ids (ids hold no comma or quote). */
export function anyOf(path: string, ids: string[]): string {
	return `${path}==${ids.join(',')}`;
}
