/**
 * The emulator's own reading of a connection string, in the grammar of the driver the Platform
 * reads it with: the connector's data file names the family (`connectionString.family`) and why.
 * Every reader gives the pairs with their keys upper-cased, or throws ConnectionStringProblem.
 *
 * - odbc: ODBC braces (`PWD={a;b}}c}` is `a;b}c`). A brace inside an unquoted value is literal; what
 *   ODBC would find ambiguous is refused (an unclosed brace, text after a closing one, a key given twice).
 * - sqlClient: ADO.NET's grammar (SqlClient). A value in double or single quotes, the quote doubled
 *   inside (`Password="a;b""c"` is `a;b"c`); braces are literal; an unquoted value runs to the next `;`,
 *   white space at its ends dropped, and may not end in a quote; `==` in a key is `=`; a key given
 *   twice keeps its last value.
 * - azureStorage: split at every `;`, each part at its first `=`; nothing is quoted or trimmed.
 * - jdbcUrl: the query of a JDBC URL, `key=value` pairs joined by `&`, each percent-decoded.
 * - jsonCredString: ODBC pairs whose CREDSTRING holds `[{"user": …, "pass": …}]` as JSON; its user
 *   and password are given as USER and PASS.
 */
export class ConnectionStringProblem extends Error {}

export type ConnectionStringFamily = 'odbc' | 'sqlClient' | 'azureStorage' | 'jdbcUrl' | 'jsonCredString';

export const FAMILIES: ConnectionStringFamily[] = ['odbc', 'sqlClient', 'azureStorage', 'jdbcUrl', 'jsonCredString'];

export function readConnectionString(text: string, family: ConnectionStringFamily): Record<string, string> {
	switch (family) {
		case 'odbc':
			return readOdbc(text);
		case 'sqlClient':
			return readSqlClient(text);
		case 'azureStorage':
			return readAzureStorage(text);
		case 'jdbcUrl':
			return readJdbcUrl(text);
		case 'jsonCredString':
			return readJsonCredString(text);
		default:
			throw new ConnectionStringProblem(`no reader for the family ${String(family)}`);
	}
}

function readOdbc(text: string): Record<string, string> {
	const result: Record<string, string> = {};
	let i = 0;
	const skipSpaces = () => {
		while (text[i] === ' ') i++;
	};
	while (i < text.length) {
		skipSpaces();
		if (text[i] === ';') {
			i++;
			continue;
		}
		if (i >= text.length) break;
		const keyEnd = text.indexOf('=', i);
		if (keyEnd < 0 || text.slice(i, keyEnd).includes(';')) throw new ConnectionStringProblem('a part has no "="');
		const key = text.slice(i, keyEnd).trim().toUpperCase();
		if (!key) throw new ConnectionStringProblem('a part has no key');
		i = keyEnd + 1;
		skipSpaces();
		let value = '';
		const start = i;
		let quoted = false;
		if (text[i] === '{') {
			i++;
			for (;;) {
				if (i >= text.length) throw new ConnectionStringProblem(`${key} has an unclosed "{"`);
				const c = text[i++];
				if (c !== '}') value += c;
				else if (text[i] === '}') {
					value += '}';
					i++;
				} else break;
			}
			skipSpaces();
			// A closing brace followed by more of the value did not quote it: Adobe's patterns write
			// placeholders in braces (User ID={USERNAME}@{SERVER_NAME}); the value is then read as it is.
			quoted = i >= text.length || text[i] === ';';
			if (!quoted && /[;}]/.test(value)) throw new ConnectionStringProblem(`${key} has text after its "}"`);
		}
		if (!quoted) {
			// As in ODBC, braces quote only a value they open and close: elsewhere they are literal
			// (Adobe's Synapse pattern writes Server=tcp:{SERVER_NAME}.database.windows.net,1433).
			const end = text.indexOf(';', start) < 0 ? text.length : text.indexOf(';', start);
			value = text.slice(start, end).trim();
			i = end;
		}
		if (key in result) throw new ConnectionStringProblem(`${key} is given twice`);
		result[key] = value;
	}
	return result;
}

/** .NET's Char.IsWhiteSpace: Unicode separators, tab to carriage return, and next line. */
function isDotNetSpace(c: string | undefined): boolean {
	return c !== undefined && /^[\p{Zs}\p{Zl}\p{Zp}\u0009-\u000d\u0085]$/u.test(c);
}

function isControl(c: string): boolean {
	return /^\p{Cc}$/u.test(c);
}

function trimDotNet(text: string): string {
	let from = 0;
	let to = text.length;
	while (from < to && isDotNetSpace(text[from])) from++;
	while (to > from && isDotNetSpace(text[to - 1])) to--;
	return text.slice(from, to);
}

/** ADO.NET's grammar, read as a state machine the way SqlClient's parser goes through a string. */
function readSqlClient(text: string): Record<string, string> {
	const result: Record<string, string> = {};
	let i = 0;
	while (i < text.length) {
		// Between pairs: semicolons and white space.
		if (text[i] === ';' || isDotNetSpace(text[i])) {
			i++;
			continue;
		}
		if (isControl(text[i])) throw new ConnectionStringProblem('a control character stands between pairs');
		// The key: everything up to a lone "="; "==" stands for one "=" in it.
		let key = '';
		for (;;) {
			if (i >= text.length) throw new ConnectionStringProblem(key ? `${trimDotNet(key).toUpperCase()} has no "="` : 'a part has no "="');
			const c = text[i];
			if (c === '=') {
				if (text[i + 1] === '=') {
					key += '=';
					i += 2;
					continue;
				}
				i++;
				break;
			}
			if (isControl(c)) throw new ConnectionStringProblem('a key holds a control character');
			key += c;
			i++;
		}
		key = trimDotNet(key).toUpperCase();
		if (!key) throw new ConnectionStringProblem('a part has no key');
		while (isDotNetSpace(text[i])) i++;
		let value = '';
		const opening = text[i];
		if (opening === '"' || opening === "'") {
			i++;
			for (;;) {
				if (i >= text.length) throw new ConnectionStringProblem(`${key} has an unclosed ${opening}`);
				const c = text[i++];
				if (c === '\u0000') throw new ConnectionStringProblem(`${key} holds a NUL`);
				if (c !== opening) value += c;
				else if (text[i] === opening) {
					value += opening;
					i++;
				} else break;
			}
			while (isDotNetSpace(text[i])) i++;
			if (i < text.length && text[i] !== ';') throw new ConnectionStringProblem(`${key} has text after its closing ${opening}`);
		} else {
			let raw = '';
			while (i < text.length && text[i] !== ';') {
				if (isControl(text[i])) throw new ConnectionStringProblem(`${key} holds a control character`);
				raw += text[i++];
			}
			value = trimDotNet(raw);
			if (value.endsWith('"') || value.endsWith("'")) throw new ConnectionStringProblem(`${key} ends in a quote it does not start with`);
		}
		i++; // the ";" after the value, or past the end
		result[key] = value; // a key given again: its last value counts
	}
	return result;
}

function readAzureStorage(text: string): Record<string, string> {
	const result: Record<string, string> = {};
	for (const part of text.split(';')) {
		if (part === '') continue;
		const equals = part.indexOf('=');
		if (equals < 0) throw new ConnectionStringProblem('a part has no "="');
		const key = part.slice(0, equals).toUpperCase();
		if (!key) throw new ConnectionStringProblem('a part has no key');
		if (key in result) throw new ConnectionStringProblem(`${key} is given twice`);
		result[key] = part.slice(equals + 1);
	}
	return result;
}

function readJdbcUrl(text: string): Record<string, string> {
	const match = /^jdbc:[a-z0-9]+:\/\/[^/?#]*\/?[^?#]*\?([^#]*)$/i.exec(text);
	if (!match) throw new ConnectionStringProblem('it is not a JDBC URL with a query');
	const result: Record<string, string> = {};
	for (const part of match[1].split('&')) {
		if (part === '') continue;
		const equals = part.indexOf('=');
		if (equals < 0) throw new ConnectionStringProblem('a query part has no "="');
		let key: string;
		let value: string;
		try {
			key = decodeURIComponent(part.slice(0, equals)).toUpperCase();
			value = decodeURIComponent(part.slice(equals + 1));
		} catch {
			throw new ConnectionStringProblem('a query part is not percent-encoded');
		}
		if (!key) throw new ConnectionStringProblem('a query part has no key');
		if (key in result) throw new ConnectionStringProblem(`${key} is given twice`);
		result[key] = value;
	}
	return result;
}

function readJsonCredString(text: string): Record<string, string> {
	const result = readOdbc(text);
	if (result.CREDSTRING === undefined) return result;
	let credentials: unknown;
	try {
		credentials = JSON.parse(result.CREDSTRING);
	} catch {
		throw new ConnectionStringProblem('CREDSTRING is not JSON');
	}
	const first = Array.isArray(credentials) ? (credentials[0] as Record<string, unknown> | undefined) : undefined;
	if (!first || typeof first.user !== 'string' || typeof first.pass !== 'string') {
		throw new ConnectionStringProblem('CREDSTRING is not [{"user": …, "pass": …}]');
	}
	return { ...result, USER: first.user, PASS: first.pass };
}
