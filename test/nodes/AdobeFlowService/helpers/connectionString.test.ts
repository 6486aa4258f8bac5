import fc from 'fast-check';

import {
	connectionStringHint,
	ConnectionStringError,
	encodeTemplateValue,
	formatConnectionString,
	parseConnectionString,
	quoteValue,
	unwritable,
} from '../../../../nodes/AdobeFlowService/helpers/connectionString';

// Any printable text: what a user can type into a field.
const printable = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s));
const key = fc.constantFrom('HOST', 'PORT', 'DB', 'UID', 'PWD');
/** Built from the characters some family must quote, so that every run meets them (and both quotes at once). */
const quoting = fc.string({ unit: fc.constantFrom(';', '=', '{', '}', '"', "'", ' ', 'a', '\u00a0'), maxLength: 20 });
const value = fc.oneof(printable, quoting);

describe('ODBC connection strings', () => {
	test('plain values are written as they are; risky ones in braces with } doubled', () => {
		expect(quoteValue('PWD', 'simple')).toBe('simple');
		expect(quoteValue('PWD', 'a;b')).toBe('{a;b}');
		expect(quoteValue('PWD', 'a=b')).toBe('{a=b}');
		expect(quoteValue('PWD', 'x}y')).toBe('{x}}y}');
		expect(quoteValue('PWD', '{x')).toBe('{{x}');
		expect(quoteValue('PWD', ' lead')).toBe('{ lead}');
	});

	test('format then parse gives back exactly what was typed, for any printable values', () => {
		fc.assert(
			fc.property(fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, minLength: 1, maxLength: 5 }), (pairs) => {
				const parsed = parseConnectionString(formatConnectionString(pairs));
				expect([...parsed]).toEqual(pairs);
			}),
			{ numRuns: 500 },
		);
	});

	test('a control character cannot be written, and the error names the key, not the value', () => {
		expect(() => quoteValue('PWD', 'se\ncret')).toThrow(new ConnectionStringError('The value for PWD contains a control character', 'PWD'));
	});

	test.each([
		['PWD={abc', /PWD has an unclosed "{"/],
		['PWD={a}b;UID=u', /PWD has text after its closing "}"/],
		['PWD=a}b', /PWD holds a brace but is not enclosed/],
		['UID=u;UID=v', /gives UID twice/],
		['justtext', /part without "="/],
		['=v', /part with no key/],
	])('%s is refused as ambiguous', (text, message) => {
		expect(() => parseConnectionString(text)).toThrow(message);
	});

	test('errors never hold a value', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 8, maxLength: 30 }).filter((s) => /^[a-z]+$/.test(s)), (secret) => {
				for (const text of [`PWD={${secret}`, `PWD={${secret}}x`, `PWD=${secret}}`]) {
					try {
						parseConnectionString(text);
					} catch (error) {
						expect((error as Error).message).not.toContain(secret);
					}
				}
			}),
		);
	});
});

describe('SqlClient connection strings (SQL Server, Synapse)', () => {
	const sqlKey = fc.constantFrom('Data Source', 'Initial Catalog', 'User ID', 'Password', 'Connection Timeout');

	test.each([
		['plain', 'simple', 'simple'],
		['braces are not quotes: written as they are', '{x}', '{x}'],
		['a semicolon: in double quotes', 'a;b', '"a;b"'],
		['an equals sign: quoted, as the builder does', 'a=b', '"a=b"'],
		['a double quote alone: in single quotes', 'a"b', "'a\"b'"],
		['a single quote: in double quotes', "a'b", '"a\'b"'],
		['both quotes: in double quotes, " doubled', 'a\'b"c', '"a\'b""c"'],
		['a leading space', ' lead', '" lead"'],
		['a trailing space', 'trail ', '"trail "'],
		['a value that starts with a quote', '"x', "'\"x'"],
		['everything at once', 'p;w"d\'{x}=y ', '"p;w""d\'{x}=y "'],
	])('%s', (_, value, written) => {
		expect(quoteValue('Password', value, 'sqlClient')).toBe(written);
		expect(parseConnectionString(`Password=${written}`, 'sqlClient').get('PASSWORD')).toBe(value);
	});

	test('an "=" in a key is written "=="', () => {
		const text = formatConnectionString([['Odd=Key', 'v'], ['Password', 'p']], 'sqlClient');
		expect(text).toBe('Odd==Key=v;Password=p');
		expect([...parseConnectionString(text, 'sqlClient')]).toEqual([['ODD=KEY', 'v'], ['PASSWORD', 'p']]);
	});

	// Microsoft's examples for ADO.NET connection strings (Connection Strings in ADO.NET, "Connection string syntax").
	test.each([
		['Keyword=" whitespace  ";', ' whitespace  '],
		["Keyword='special;character';", 'special;character'],
		['Keyword=\'double"quotation;mark\';', 'double"quotation;mark'],
		['Keyword="single\'quotation;mark";', "single'quotation;mark"],
		['Keyword="double""quotation";', 'double"quotation'],
		["Keyword='single''quotation';", "single'quotation"],
		['Keyword=a=b=c', 'a=b=c'],
	])('%s reads as Microsoft says', (text, value) => {
		expect(parseConnectionString(text, 'sqlClient').get('KEYWORD')).toBe(value);
	});

	test('white space around a key and an unquoted value is dropped; braces are literal', () => {
		expect([...parseConnectionString('  Keyword =   unquoted value  ; Other={braces}', 'sqlClient')]).toEqual([
			['KEYWORD', 'unquoted value'],
			['OTHER', '{braces}'],
		]);
	});

	test('a key given twice keeps its last value, as SqlClient does', () => {
		expect(parseConnectionString('User ID=a;user id=b', 'sqlClient').get('USER ID')).toBe('b');
	});

	test.each([
		['Password="open', /PASSWORD has an unclosed "/],
		["Password='a'b;User ID=u", /PASSWORD has text after its closing '/],
		['Password=ends"', /PASSWORD ends in a quote/],
		['Password={p;w}', /part without "="/],
		['justtext', /part without "="/],
		['=v', /part with no key/],
	])('%s is refused, as SqlClient refuses it', (text, message) => {
		expect(() => parseConnectionString(text, 'sqlClient')).toThrow(message);
	});

	test('format then parse gives back exactly what was typed, for any printable values', () => {
		fc.assert(
			fc.property(fc.uniqueArray(fc.tuple(sqlKey, value), { selector: ([k]) => k, minLength: 1, maxLength: 5 }), (pairs) => {
				const parsed = parseConnectionString(formatConnectionString(pairs, 'sqlClient'), 'sqlClient');
				expect([...parsed]).toEqual(pairs.map(([k, v]) => [k.toUpperCase(), v]));
			}),
			{ numRuns: 500 },
		);
	});

	test('errors never hold a value', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 8, maxLength: 30 }).filter((s) => /^[a-z]+$/.test(s)), (secret) => {
				for (const text of [`Password="${secret}`, `Password="${secret}"x`, `Password=${secret}"`, `${secret}`]) {
					expect(() => parseConnectionString(text, 'sqlClient')).toThrow();
					try {
						parseConnectionString(text, 'sqlClient');
					} catch (error) {
						expect((error as Error).message).not.toContain(secret);
					}
				}
			}),
		);
	});
});

describe('values inside a string of its own form', () => {
	test('a JDBC URL percent-encodes every character that means something in a URL', () => {
		const value = 'p;w"d\'{x}=y &#?%+/ ';
		expect(encodeTemplateValue(value, 'jdbcUrl')).toBe('p%3Bw%22d\'%7Bx%7D%3Dy%20%26%23%3F%25%2B%2F%20');
		expect(decodeURIComponent(encodeTemplateValue(value, 'jdbcUrl'))).toBe(value);
		expect(unwritable(value, 'jdbcUrl')).toBeUndefined();
		expect(unwritable('a\ud800b', 'jdbcUrl')).toBe('an unpaired surrogate');
		expect(unwritable('🔑', 'jdbcUrl')).toBeUndefined();
	});

	test('Couchbase\'s CredString JSON-escapes a value and cannot write ";"', () => {
		expect(encodeTemplateValue('p"d\'{x}=y \\', 'jsonCredString')).toBe('p\\"d\'{x}=y \\\\');
		expect(JSON.parse(`"${encodeTemplateValue('p"d\'{x}=y \\', 'jsonCredString')}"`)).toBe('p"d\'{x}=y \\');
		expect(unwritable('p;w', 'jsonCredString')).toBe('";"');
	});

	test('an Azure Storage string writes a value as it is and cannot write ";"', () => {
		expect(encodeTemplateValue(' a"\'{}=b ', 'azureStorage')).toBe(' a"\'{}=b ');
		expect(unwritable('a;b', 'azureStorage')).toBe('";"');
		expect(unwritable('a2V5IGtleQ==', 'azureStorage')).toBeUndefined();
	});
});

describe('reading what a user typed, around the pairs', () => {
	test('white space around keys, values and braces is dropped; empty parts are skipped', () => {
		expect([...parseConnectionString(' ; uid = u ;; ;pwd =  {a;b} ; ')]).toEqual([
			['UID', 'u'],
			['PWD', 'a;b'],
		]);
	});

	test('a stray word before a pair is refused, not read into the key', () => {
		expect(() => parseConnectionString('junk;PWD=x')).toThrow(/part without "="/);
		expect(() => parseConnectionString('junk;PWD=x', 'sqlClient')).toThrow(/part without "="/);
	});

	test('a single stray character at the end is refused', () => {
		expect(() => parseConnectionString('UID=u;x')).toThrow(new ConnectionStringError('The connection string has a part without "=" (part 2)'));
	});

	test('errors say which part, counting from one', () => {
		expect(() => parseConnectionString('=v')).toThrow(new ConnectionStringError('The connection string has a part with no key (part 1)'));
		expect(() => parseConnectionString('UID=u;=v')).toThrow(new ConnectionStringError('The connection string has a part with no key (part 2)'));
		expect(() => parseConnectionString('User ID=u;junk', 'sqlClient')).toThrow(
			new ConnectionStringError('The connection string has a part without "=" (part 2)'),
		);
		expect(() => parseConnectionString('User ID=u;=v', 'sqlClient')).toThrow(new ConnectionStringError('The connection string has a part with no key (part 2)'));
	});

	test('a refused string throws a ConnectionStringError that names the key', () => {
		let thrown: unknown;
		try {
			parseConnectionString('PWD={abc');
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(ConnectionStringError);
		expect((thrown as ConnectionStringError).name).toBe('ConnectionStringError');
		expect((thrown as ConnectionStringError).key).toBe('PWD');
	});

	test('SqlClient: white space around "=", a quoted value and the separators is dropped; empty parts are skipped', () => {
		expect([...parseConnectionString(' ;; Password = "a;b" ;  ; User ID = u ; ', 'sqlClient')]).toEqual([
			['PASSWORD', 'a;b'],
			['USER ID', 'u'],
		]);
	});

	test('SqlClient: a quote inside an unquoted value is part of it', () => {
		expect(parseConnectionString("Password=a'b\"c", 'sqlClient').get('PASSWORD')).toBe('a\'b"c');
	});
});

describe('connectionStringHint', () => {
	test('each family says how to quote a value in its own grammar', () => {
		expect(connectionStringHint('odbc')).toBe('Write it as KEY=value;KEY=value, with a value that holds ; = { or } in braces, e.g. PWD={a;b}');
		expect(connectionStringHint('sqlClient')).toBe(
			'Write it as Key=value;Key=value, with a value that holds ; or a quote in double quotes and " doubled, e.g. Password="a;b""c"',
		);
	});
});
