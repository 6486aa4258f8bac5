import type { AuthSchema } from '../../../../nodes/AdobeFlowService/helpers/jsonSchema';
import { coerce, isSecretProperty, schemaProblems } from '../../../../nodes/AdobeFlowService/helpers/jsonSchema';

/** The keywords Adobe's auth specs use, in one schema (the connection-specs fixture and the tutorials' bodies). */
const SCHEMA: AuthSchema = {
	type: 'object',
	properties: {
		host: { type: 'string', minLength: 1, pattern: '^[a-z.]+$' },
		port: { type: 'integer', minimum: 1, maximum: 65535 },
		ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
		key: { type: 'string', format: 'password', minLength: 8, maxLength: 12 },
		mode: { type: 'string', enum: ['a', 'b'] },
		ssl: { type: 'boolean' },
	},
	required: ['host', 'key'],
	additionalProperties: false,
};

test('a value that fits every keyword has no problem', () => {
	expect(schemaProblems(SCHEMA, { host: 'db.example', port: 5432, ratio: 0.5, key: 'abcdefgh', mode: 'b', ssl: true })).toEqual([]);
});

test.each([
	[{ key: 'abcdefgh' }, 'host', 'is required by the auth spec'],
	[{ host: '', key: 'abcdefgh' }, 'host', 'must not be empty'],
	[{ host: 'DB!', key: 'abcdefgh' }, 'host', 'does not have the form the connection spec asks for (^[a-z.]+$)'],
	[{ host: 'h', key: 'short' }, 'key', 'must be at least 8 characters long'],
	[{ host: 'h', key: 'much-too-long-key' }, 'key', 'must be at most 12 characters long'],
	[{ host: 'h', key: 'abcdefgh', port: 0 }, 'port', 'must be at least 1'],
	[{ host: 'h', key: 'abcdefgh', port: 70000 }, 'port', 'must be at most 65535'],
	[{ host: 'h', key: 'abcdefgh', port: 1.5 }, 'port', 'must be a whole number'],
	[{ host: 'h', key: 'abcdefgh', port: '5432' }, 'port', 'must be a whole number'],
	[{ host: 'h', key: 'abcdefgh', ratio: 1 }, 'ratio', 'must be less than 1'],
	[{ host: 'h', key: 'abcdefgh', ratio: 0 }, 'ratio', 'must be more than 0'],
	[{ host: 'h', key: 'abcdefgh', mode: 'c' }, 'mode', 'must be one of "a", "b"'],
	[{ host: 'h', key: 'abcdefgh', ssl: 'yes' }, 'ssl', 'must be a boolean'],
	[{ host: 'h', key: 'abcdefgh', extra: 'x' }, 'extra', 'is not a field of the auth spec'],
])('%j: %s %s', (value, key, problem) => {
	expect(schemaProblems(SCHEMA, value)).toEqual([{ key, problem }]);
});

test('a problem never quotes the value: it may be a secret', () => {
	const problems = schemaProblems(SCHEMA, { host: 'h', key: 'SECRET-VALUE-123' });
	expect(JSON.stringify(problems)).not.toContain('SECRET-VALUE');
});

test('without additionalProperties: false, other fields pass; an unknown keyword or unreadable pattern is left to the Platform', () => {
	expect(schemaProblems({ properties: { a: { type: 'string', pattern: '(' } } }, { a: 'x', b: 1 })).toEqual([]);
});

test('text from n8n is turned into the type the property asks for, and nothing else is', () => {
	expect(coerce({ type: 'integer' }, ' 5432 ')).toBe(5432);
	expect(coerce({ type: 'number' }, '0.25')).toBe(0.25);
	expect(coerce({ type: 'boolean' }, 'false')).toBe(false);
	expect(coerce({ type: 'integer' }, 'abc')).toBe('abc');
	expect(coerce({ type: 'string' }, '0042')).toBe('0042');
	expect(coerce(undefined, '1')).toBe('1');
});

test('secrets are the properties marked format: password', () => {
	expect(isSecretProperty(SCHEMA.properties!.key)).toBe(true);
	expect(isSecretProperty(SCHEMA.properties!.host)).toBe(false);
});

describe('types', () => {
	test('a property without a type takes a value of any type', () => {
		expect(schemaProblems({ properties: { a: { enum: [1, 'x'] } } }, { a: 1 })).toEqual([]);
		expect(schemaProblems({ properties: { a: { minLength: 2 } } }, { a: 'x' })).toEqual([{ key: 'a', problem: 'must be at least 2 characters long' }]);
	});

	test('a property with several types takes any of them, and names them all when none fits', () => {
		const schema: AuthSchema = { properties: { a: { type: ['string', 'null'] }, b: { type: ['array'] }, c: { type: 'object' } } };
		expect(schemaProblems(schema, { a: 'x', b: [1] })).toEqual([]);
		expect(schemaProblems(schema, { a: null, b: [] })).toEqual([]);
		expect(schemaProblems(schema, { a: 5, b: {}, c: [] })).toEqual([
			{ key: 'a', problem: 'must be a string or a null' },
			{ key: 'b', problem: 'must be a array' },
			{ key: 'c', problem: 'must be a object' },
		]);
	});

	test('a whole number is a number, but not text; text is not a number', () => {
		const schema: AuthSchema = { properties: { n: { type: 'number' }, s: { type: 'string' } } };
		expect(schemaProblems(schema, { n: 5 })).toEqual([]);
		expect(schemaProblems(schema, { n: 'x', s: 5 })).toEqual([
			{ key: 'n', problem: 'must be a number' },
			{ key: 's', problem: 'must be a string' },
		]);
	});
});

describe('bounds', () => {
	test('the bounds themselves pass: minLength, maxLength, minimum and maximum are inclusive', () => {
		expect(schemaProblems(SCHEMA, { host: 'h', key: 'abcdefghijkl', port: 1 })).toEqual([]);
		expect(schemaProblems(SCHEMA, { host: 'h', key: 'abcdefgh', port: 65535 })).toEqual([]);
	});

	test('number bounds apply to numbers only, text bounds to text only', () => {
		const schema: AuthSchema = { properties: { a: { minimum: 5, maximum: 6, exclusiveMinimum: 4, exclusiveMaximum: 7 }, b: { minLength: 3 } } };
		expect(schemaProblems(schema, { a: '3', b: 1 })).toEqual([]);
		expect(schemaProblems(schema, { a: '9' })).toEqual([]);
	});

	test('a pattern is read with Unicode: a letter class and one emoji are one character', () => {
		const schema: AuthSchema = { properties: { a: { type: 'string', pattern: '^\\p{Lu}' }, b: { type: 'string', pattern: '^.$' } } };
		expect(schemaProblems(schema, { a: 'Ärger', b: '😀' })).toEqual([]);
		expect(schemaProblems(schema, { a: 'ärger' })).toEqual([{ key: 'a', problem: 'does not have the form the connection spec asks for (^\\p{Lu})' }]);
	});
});

describe('coerce', () => {
	test('a value that is not text is left as it is', () => {
		expect(coerce({ type: 'integer' }, 5)).toBe(5);
		expect(coerce({ type: 'boolean' }, null)).toBeNull();
	});

	test('a property that also takes text keeps the text', () => {
		expect(coerce({ type: ['string', 'integer'] }, '42')).toBe('42');
	});

	test('only a number written whole is turned into a number', () => {
		expect(coerce({ type: 'integer' }, '-12')).toBe(-12);
		expect(coerce({ type: 'integer' }, 'v5')).toBe('v5');
		expect(coerce({ type: 'integer' }, '5 apples')).toBe('5 apples');
		expect(coerce({ type: 'boolean' }, '5')).toBe('5');
	});

	test('only true and false are turned into a yes/no, and only for a boolean property', () => {
		expect(coerce({ type: 'boolean' }, ' true ')).toBe(true);
		expect(coerce({ type: 'boolean' }, 'false')).toBe(false);
		expect(coerce({ type: 'boolean' }, 'yes')).toBe('yes');
		expect(coerce({ type: 'integer' }, 'true')).toBe('true');
	});
});

test('no property is no secret', () => {
	expect(isSecretProperty(undefined)).toBe(false);
});
