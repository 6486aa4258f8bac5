import fc from 'fast-check';

import {
	ConnectionStringError,
	formatConnectionString,
	parseConnectionString,
	quoteValue,
} from '../../../../nodes/AdobeFlowService/helpers/connectionString';

// Any printable text: what a user can type into a field.
const printable = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s));
const key = fc.constantFrom('HOST', 'PORT', 'DB', 'UID', 'PWD');

describe('connection strings', () => {
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
			fc.property(fc.uniqueArray(fc.tuple(key, printable), { selector: ([k]) => k, minLength: 1, maxLength: 5 }), (pairs) => {
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
