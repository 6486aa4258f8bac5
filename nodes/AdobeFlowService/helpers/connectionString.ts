/**
 * ODBC-style connection strings, `KEY=value;KEY=value`.
 *
 * A value that holds `;`, `=`, `{`, `}` or surrounding white space is written in braces,
 * with a literal `}` doubled (`PWD={a;b}}c}` means `a;b}c`), so that the string always
 * means exactly what the user typed. Control characters cannot be written at all.
 * Errors name the key, never the value: the value may be a password.
 */

export class ConnectionStringError extends Error {
	constructor(
		message: string,
		readonly key?: string,
	) {
		super(message);
		this.name = 'ConnectionStringError';
	}
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const NEEDS_BRACES = /[;={}]|^\s|\s$/;

export function hasControlCharacter(value: string): boolean {
	return CONTROL_CHARACTER.test(value);
}

export function quoteValue(key: string, value: string): string {
	if (hasControlCharacter(value)) {
		throw new ConnectionStringError(`The value for ${key} contains a control character`, key);
	}
	if (value === '' || !NEEDS_BRACES.test(value)) return value;
	return `{${value.replace(/}/g, '}}')}}`;
}

export function formatConnectionString(pairs: Array<[string, string]>): string {
	return pairs.map(([key, value]) => `${key}=${quoteValue(key, value)}`).join(';');
}

/**
 * Reads a connection string into its pairs, keys upper-cased.
 * Throws ConnectionStringError on anything ambiguous: a pair without `=`, an unclosed
 * brace, text after a closing brace, a key given twice.
 */
export function parseConnectionString(text: string): Map<string, string> {
	const pairs = new Map<string, string>();
	let at = 0;
	while (at < text.length) {
		const equals = text.indexOf('=', at);
		const semicolon = text.indexOf(';', at);
		if (equals === -1 || (semicolon !== -1 && semicolon < equals)) {
			const piece = text.slice(at, semicolon === -1 ? text.length : semicolon).trim();
			if (piece !== '') {
				throw new ConnectionStringError(`The connection string has a part without "=" (part ${pairs.size + 1})`);
			}
			at = semicolon === -1 ? text.length : semicolon + 1;
			continue;
		}
		const key = text.slice(at, equals).trim().toUpperCase();
		if (key === '') throw new ConnectionStringError(`The connection string has a part with no key (part ${pairs.size + 1})`);
		let value: string;
		let rest = equals + 1;
		while (rest < text.length && text[rest] === ' ') rest++;
		if (text[rest] === '{') {
			value = '';
			let i = rest + 1;
			for (;;) {
				if (i >= text.length) throw new ConnectionStringError(`The value for ${key} has an unclosed "{"`, key);
				if (text[i] === '}') {
					if (text[i + 1] === '}') {
						value += '}';
						i += 2;
						continue;
					}
					break;
				}
				value += text[i++];
			}
			i++;
			while (i < text.length && text[i] === ' ') i++;
			if (i < text.length && text[i] !== ';') {
				throw new ConnectionStringError(`The value for ${key} has text after its closing "}"`, key);
			}
			at = i + 1;
		} else {
			const end = text.indexOf(';', rest);
			value = text.slice(rest, end === -1 ? text.length : end).trim();
			if (value.includes('{') || value.includes('}')) {
				throw new ConnectionStringError(`The value for ${key} holds a brace but is not enclosed in braces`, key);
			}
			at = end === -1 ? text.length : end + 1;
		}
		if (pairs.has(key)) throw new ConnectionStringError(`The connection string gives ${key} twice`, key);
		pairs.set(key, value);
	}
	return pairs;
}
