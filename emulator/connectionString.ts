/**
 * The emulator's own reading of a `KEY=value;KEY=value` connection string. Adobe documents the
 * keys but not the quoting; the emulator accepts ODBC-style braces (`PWD={a;b}}c}` is `a;b}c`),
 * reads keys case-insensitively, takes a brace inside an unquoted value literally, and refuses
 * what ODBC would find ambiguous (an unclosed brace, text after a closing one, a key given twice).
 */
export class ConnectionStringProblem extends Error {}

export function readConnectionString(text: string): Record<string, string> {
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
