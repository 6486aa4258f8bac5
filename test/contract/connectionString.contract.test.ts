/**
 * The node writes each connection string in its connector's family; the emulator, which knows the
 * families only from its own data files and readers, reads it back. Both were written from the docs
 * separately: here they must agree on the family of every connector, and on every value.
 */
import fc from 'fast-check';

import { readConnectionString } from '../../emulator/connectionString';
import { authSpecFile } from '../../emulator/specs';
import { AUTH_CHOICES } from '../../nodes/AdobeFlowService/connectors';
import { buildAuthParams } from '../../nodes/AdobeFlowService/helpers/connectionBody';
import { unwritable } from '../../nodes/AdobeFlowService/helpers/connectionString';

/** Connectors whose login is written into a connection string, and the key (as the emulator reads it) that holds the secret. */
const STRINGS = AUTH_CHOICES.filter((c) => c.layout.type === 'connectionString' || c.layout.type === 'template');
const SECRET_KEY: Record<string, string> = {
	greenplum: 'PWD',
	hpVertica: 'PWD',
	mariaDb: 'PWD',
	mySql: 'PWD',
	teradata: 'PWD',
	sqlServer: 'PASSWORD',
	azureSynapse: 'PASSWORD',
	postgreSql: 'PASSWORD',
	oracle: 'PASSWORD',
	snowflake: 'PASSWORD',
	couchbase: 'PASS',
	azureTableStorage: 'ACCOUNTKEY',
};

const emulatorLayout = (connector: (typeof STRINGS)[number]) => authSpecFile(connector.connectionSpecId, connector.authSpecName)?.connectionString;

/** Values that fit every field but the secret, which the property varies. */
const VALUES = {
	host: 'db.example.com',
	port: 1433,
	database: 'sales',
	username: 'analyst',
	sid: 'ORCL',
	account: 'acme',
	warehouse: 'COMPUTE_WH',
	accountName: 'acme',
};

// Any printable text: what a user can type into a field.
// eslint-disable-next-line no-control-regex
const printable = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s) && s.trim() !== '');
/** Built from the characters that need quoting in some family, so that every run meets them. */
const quoting = fc.string({ unit: fc.constantFrom(';', '=', '{', '}', '"', "'", ' ', 'a', '\u00a0', '&', '%', '+', '\\', '['), minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');

describe('the node and the emulator agree on each connector\'s family', () => {
	test('every connection string the node writes, the emulator reads in the same family', () => {
		expect(STRINGS.map((c) => c.key).sort()).toEqual(Object.keys(SECRET_KEY).sort());
		for (const connector of STRINGS) {
			const family = 'family' in connector.layout ? connector.layout.family : undefined;
			expect([connector.key, emulatorLayout(connector)?.family]).toEqual([connector.key, family]);
		}
	});

	test.each(STRINGS.map((c) => [c.key, c] as const))('%s: any password the family can write reads back exactly', (key, connector) => {
		const secret = connector.fields.includes('password') ? 'password' : 'accountKey';
		const layout = emulatorLayout(connector)!;
		fc.assert(
			fc.property(fc.oneof(printable, quoting), (password) => {
				// What a family cannot write is refused before sending (connectionBody.test.ts).
				if (connector.layout.type === 'template' && unwritable(password, connector.layout.family) !== undefined) return;
				const built = buildAuthParams(connector, { values: { ...VALUES, [secret]: password } });
				const pairs = readConnectionString(String(built.params[layout.param]), layout.family);
				expect(pairs[SECRET_KEY[key]]).toBe(password);
			}),
			{ numRuns: 300 },
		);
	});
});

describe('the emulator\'s SqlClient reader, on Microsoft\'s examples (Connection Strings in ADO.NET)', () => {
	test.each([
		['Keyword=" whitespace  ";', ' whitespace  '],
		["Keyword='special;character';", 'special;character'],
		['Keyword=\'double"quotation;mark\';', 'double"quotation;mark'],
		['Keyword="single\'quotation;mark";', "single'quotation;mark"],
		['Keyword="double""quotation";', 'double"quotation'],
		["Keyword='single''quotation';", "single'quotation"],
		['Keyword=a=b=c', 'a=b=c'],
	])('%s', (text, value) => {
		expect(readConnectionString(text, 'sqlClient').KEYWORD).toBe(value);
	});

	test('braces are literal, white space at the ends of an unquoted value dropped, "==" in a key is "=", a repeated key keeps its last value', () => {
		expect(readConnectionString(' Password = {pw} ;Odd==Key=v;User ID=a;USER ID=b', 'sqlClient')).toEqual({ PASSWORD: '{pw}', 'ODD=KEY': 'v', 'USER ID': 'b' });
	});

	test.each([
		['Password={p;w}', /has no "="/],
		['Password="open', /unclosed "/],
		["Password='a'b", /text after its closing '/],
		['Password=ends"', /ends in a quote/],
	])('%s cannot be read, as SqlClient would refuse it', (text, problem) => {
		expect(() => readConnectionString(text, 'sqlClient')).toThrow(problem);
	});

	test('a SQL Server string quoted with ODBC braces does not give the password back: why the family matters', () => {
		expect(readConnectionString('Data Source=h;Password={p;w=x}', 'sqlClient').PASSWORD).toBe('{p');
		expect(readConnectionString('Data Source=h;Password={p;w=x}', 'odbc').PASSWORD).toBe('p;w=x');
	});
});
