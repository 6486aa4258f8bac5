/**
 * Connection strings, each in the grammar of the driver that reads it: the connector's entry in
 * the connector's entry (connectors/) names the family (and the page that says so). A string always means exactly what
 * the user typed, or is refused before any request. Control characters cannot be written in any
 * family (readText refuses them first). Errors name the key, never the value: it may be a password.
 *
 * `KEY=value` families:
 * - ODBC: a value that holds `;`, `=`, `{`, `}` or surrounding white space is written in braces,
 *   a literal `}` doubled (`PWD={a;b}}c}` means `a;b}c`).
 * - SqlClient (ADO.NET): braces are literal. A value that holds `;`, `=`, a quote or white space is
 *   written in double quotes with `"` doubled (`Password="a;b""c"` means `a;b"c`), or in single
 *   quotes where it holds a `"` and no `'` — the quoting Microsoft's connection string builder uses.
 *   A key's `=` is written `==`.
 * Template families, a value inside a string of its own form: a JDBC URL (percent-encoded), an Azure
 * Storage string (as it is: nothing can quote a `;`), Couchbase's CredString (JSON-escaped; a `;`
 * would end the pair whatever the JSON says).
 */
import type { PairFamily, TemplateFamily } from '../connectors';

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

export function hasControlCharacter(value: string): boolean {
	return CONTROL_CHARACTER.test(value);
}

// ODBC

const NEEDS_BRACES = /[;={}]|^\s|\s$/;

function quoteOdbc(value: string): string {
	if (value === '' || !NEEDS_BRACES.test(value)) return value;
	return `{${value.replace(/}/g, '}}')}}`;
}

/**
 * Reads an ODBC string into its pairs, keys upper-cased. Throws ConnectionStringError on anything
 * ambiguous: a pair without `=`, an unclosed brace, text after a closing brace, a key given twice.
 */
function parseOdbc(text: string): Map<string, string> {
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

// SqlClient

/** White space as .NET's Char.IsWhiteSpace has it: what SqlClient trims from a key and an unquoted value. */
// Stryker disable next-line Regex: its regex mutants turn \v into \V, which a /u pattern refuses, and the file would not load
const SQLCLIENT_SPACE = /[\p{Zs}\p{Zl}\p{Zp}\t\n\v\f\r\u0085]/u;
/** A value the builder writes as it is: no quote, `=`, `;`, white space or control character. */
// Stryker disable next-line Regex: as above
const SQLCLIENT_PLAIN = /^[^"'=;\p{Zs}\p{Zl}\p{Zp}\t\n\v\f\r\u0085\p{Cc}]*$/u;

function quoteSqlClient(value: string): string {
	if (SQLCLIENT_PLAIN.test(value)) return value;
	if (value.includes('"') && !value.includes("'")) return `'${value}'`;
	return `"${value.replace(/"/g, '""')}"`;
}

function trimSqlClient(text: string): string {
	let start = 0;
	let end = text.length;
	while (start < end && SQLCLIENT_SPACE.test(text[start])) start++;
	while (end > start && SQLCLIENT_SPACE.test(text[end - 1])) end--;
	return text.slice(start, end);
}

/**
 * Reads a SqlClient string into its pairs, keys upper-cased, as .NET's parser does: a value in
 * single or double quotes (the quote doubled inside), or unquoted up to the next `;` with white space
 * at its ends dropped; a key's `==` is `=`; a key given twice keeps its last value. Throws
 * ConnectionStringError where .NET would refuse the string: an unclosed quote, text after a closing
 * quote, an unquoted value ending in a quote. A `;` before the next `=` (which .NET would take into
 * the key) is refused as a part without `=`.
 */
function parseSqlClient(text: string): Map<string, string> {
	const pairs = new Map<string, string>();
	let i = 0;
	const isSpace = (c: string | undefined) => c !== undefined && SQLCLIENT_SPACE.test(c);
	while (i < text.length) {
		while (i < text.length && (text[i] === ';' || isSpace(text[i]))) i++;
		if (i >= text.length) break;
		let rawKey = '';
		for (;;) {
			if (i >= text.length || text[i] === ';') throw new ConnectionStringError(`The connection string has a part without "=" (part ${pairs.size + 1})`);
			if (text[i] === '=') {
				if (text[i + 1] === '=') {
					rawKey += '=';
					i += 2;
					continue;
				}
				i++;
				break;
			}
			rawKey += text[i++];
		}
		const key = trimSqlClient(rawKey).toUpperCase();
		if (key === '') throw new ConnectionStringError(`The connection string has a part with no key (part ${pairs.size + 1})`);
		while (isSpace(text[i])) i++;
		let value = '';
		const quote = text[i];
		if (quote === '"' || quote === "'") {
			i++;
			for (;;) {
				if (i >= text.length) throw new ConnectionStringError(`The value for ${key} has an unclosed ${quote}`, key);
				if (text[i] === quote) {
					if (text[i + 1] === quote) {
						value += quote;
						i += 2;
						continue;
					}
					i++;
					break;
				}
				value += text[i++];
			}
			while (isSpace(text[i])) i++;
			if (i < text.length && text[i] !== ';') throw new ConnectionStringError(`The value for ${key} has text after its closing ${quote}`, key);
			i++;
		} else {
			const end = text.indexOf(';', i) === -1 ? text.length : text.indexOf(';', i);
			value = trimSqlClient(text.slice(i, end));
			if (/["']$/.test(value)) throw new ConnectionStringError(`The value for ${key} ends in a quote but does not start with one`, key);
			i = end + 1;
		}
		pairs.set(key, value);
	}
	return pairs;
}

// The families

interface PairGrammar {
	quote(value: string): string;
	key(key: string): string;
	parse(text: string): Map<string, string>;
	/** How to write a whole string: said when one cannot be read. */
	hint: string;
}

const PAIR_GRAMMARS: Record<PairFamily, PairGrammar> = {
	odbc: {
		quote: quoteOdbc,
		key: (key) => key,
		parse: parseOdbc,
		hint: 'Write it as KEY=value;KEY=value, with a value that holds ; = { or } in braces, e.g. PWD={a;b}',
	},
	sqlClient: {
		quote: quoteSqlClient,
		key: (key) => key.replace(/=/g, '=='),
		parse: parseSqlClient,
		hint: 'Write it as Key=value;Key=value, with a value that holds ; or a quote in double quotes and " doubled, e.g. Password="a;b""c"',
	},
};

export function quoteValue(key: string, value: string, family: PairFamily = 'odbc'): string {
	if (hasControlCharacter(value)) {
		throw new ConnectionStringError(`The value for ${key} contains a control character`, key);
	}
	return PAIR_GRAMMARS[family].quote(value);
}

export function formatConnectionString(pairs: Array<[string, string]>, family: PairFamily = 'odbc'): string {
	return pairs.map(([key, value]) => `${PAIR_GRAMMARS[family].key(key)}=${quoteValue(key, value, family)}`).join(';');
}

/** Reads a connection string of the family into its pairs, keys upper-cased; throws ConnectionStringError. */
export function parseConnectionString(text: string, family: PairFamily = 'odbc'): Map<string, string> {
	return PAIR_GRAMMARS[family].parse(text);
}

export function connectionStringHint(family: PairFamily): string {
	return PAIR_GRAMMARS[family].hint;
}

const TEMPLATE_ENCODINGS: Record<TemplateFamily, { encode: (value: string) => string; cannotHold: RegExp }> = {
	jdbcUrl: { encode: encodeURIComponent, cannotHold: /\p{Cs}/u },
	azureStorage: { encode: (value) => value, cannotHold: /;/ },
	jsonCredString: { encode: (value) => JSON.stringify(value).slice(1, -1), cannotHold: /;/ },
};

/** What in a value a template family cannot write (`";"`, or an unpaired surrogate a URL cannot encode), or undefined. */
export function unwritable(value: string, family: TemplateFamily): string | undefined {
	const found = TEMPLATE_ENCODINGS[family].cannotHold.exec(value)?.[0];
	if (found === undefined) return undefined;
	return /\p{Cs}/u.test(found) ? 'an unpaired surrogate' : `"${found}"`;
}

/** A value written into a template of the family; `unwritable` first. */
export function encodeTemplateValue(value: string, family: TemplateFamily): string {
	return TEMPLATE_ENCODINGS[family].encode(value);
}
