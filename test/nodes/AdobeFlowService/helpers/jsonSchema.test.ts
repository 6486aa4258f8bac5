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
