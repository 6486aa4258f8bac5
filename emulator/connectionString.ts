/**
 * The emulator's own reading of a `KEY=value;KEY=value` connection string. Adobe documents the
 * keys but not the quoting; the emulator accepts ODBC-style braces (`PWD={a;b}}c}` is `a;b}c`),
 * reads keys case-insensitively, and refuses what ODBC would find ambiguous.
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
			if (i < text.length && text[i] !== ';') throw new ConnectionStringProblem(`${key} has text after its "}"`);
		} else {
			const end = text.indexOf(';', i) < 0 ? text.length : text.indexOf(';', i);
			value = text.slice(i, end).trim();
			i = end;
			if (/[{}]/.test(value)) throw new ConnectionStringProblem(`${key} holds a brace outside braces`);
		}
		if (key in result) throw new ConnectionStringProblem(`${key} is given twice`);
		result[key] = value;
	}
	return result;
}
