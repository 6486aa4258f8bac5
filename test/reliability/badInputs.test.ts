/**
 * Generated bad input for every operation's fields: each must be refused with a
 * NodeOperationError naming the field and the item, and no request may be sent.
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { byId, failure, useStack } from '../../support/harness';

const h = useStack();
const CONNECTION_ID = '4cb0c374-d3bb-4557-b139-5712880adc55';

const controlChar = fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c));
const withControl = fc.tuple(fc.string({ maxLength: 8 }), controlChar, fc.string({ maxLength: 8 })).map(([a, c, b]) => `a${a}${c}${b}`);
const blank = fc.constantFrom('', ' ', '   ', '\u00a0 ');
const objectExpression = fc.constantFrom('={{ { a: 1 } }}', '={{ [1, 2] }}', '={{ { password: "x" } }}', '={{ null }}');
const huge = (min: number) => fc.integer({ min, max: min + 5000 }).map((n) => 'x'.repeat(n));
const scheme = fc.constantFrom('http://', 'https://', 'jdbc:postgresql://', 'postgres://', 'tcp://');
const hostName = fc.constantFrom('db.example.com', '10.0.0.5', 'warehouse');

/** [field label, parameters, generator of a bad value] */
type Value = IDataObject[string];
type Case = { field: string; params: (value: Value) => IDataObject };

const create = (extra: (v: Value) => IDataObject): Case['params'] => (v) => h.greenplum('valid name', extra(v));
const db2 = (extra: (v: Value) => IDataObject): Case['params'] => (v) => h.db2('valid name', extra(v));

const badValue: Record<string, fc.Arbitrary<unknown>> = {
	text: fc.oneof(blank, withControl, objectExpression, huge(257)),
	host: fc.oneof(
		blank,
		withControl,
		objectExpression,
		huge(254),
		fc.tuple(scheme, hostName).map(([s, n]) => s + n),
		fc.tuple(hostName, fc.constantFrom('/db', '/', '?ssl=1', '#x')).map(([n, p]) => n + p),
		fc.tuple(hostName, fc.integer({ min: 1, max: 65535 })).map(([n, p]) => `${n}:${p}`),
		fc.constantFrom('db host', 'db;host', 'db=host', 'd{b}', 'dätenbank.example', '数据库.example', 'db..example', '-db.example', 'db_'.repeat(30) + '.'.repeat(2)),
	),
	port: fc.oneof(
		fc.integer({ min: -100000, max: 0 }),
		fc.integer({ min: 65536, max: 10_000_000 }),
		fc.double({ min: 1.01, max: 65534.99, noInteger: true }),
		fc.constantFrom('abc', '12ab', '1e3', '0x50', '-1', '65536', '{{5432}}', ';5432'),
		objectExpression,
	),
	secret: fc.oneof(blank, withControl, objectExpression, huge(1025)),
	name: fc.oneof(blank, withControl, objectExpression, huge(257)),
	description: fc.oneof(withControl, fc.constantFrom('={{ { a: 1 } }}', '={{ [1] }}'), huge(1025)),
	connectionId: fc.oneof(blank, withControl, objectExpression, fc.constantFrom('123', 'not-an-id', `${CONNECTION_ID}x`, `{${CONNECTION_ID}}`, 'connections/abc'), fc.uuid().map((u) => u.replace(/-/g, ''))),
	limit: fc.oneof(fc.integer({ min: -1000, max: 0 }), fc.double({ min: 0.1, max: 99.9, noInteger: true })),
	table: fc.oneof(blank, withControl, objectExpression, huge(1025)),
};

const CASES: Array<[string, keyof typeof badValue, Case['params']]> = [
	['Name', 'name', create((v) => ({ name: v }))],
	['Description', 'description', create((v) => ({ description: v }))],
	['Host', 'host', create((v) => ({ host: v }))],
	['Host', 'host', db2((v) => ({ host: v }))],
	['Port', 'port', create((v) => ({ port: v }))],
	['Database', 'text', create((v) => ({ database: v }))],
	['Database', 'text', db2((v) => ({ database: v }))],
	['Username', 'text', create((v) => ({ username: v }))],
	['Password', 'secret', create((v) => ({ password: v }))],
	['Password', 'secret', db2((v) => ({ password: v }))],
	['Connection String', 'secret', create((v) => ({ credentialsInput: 'connectionString', connectionString: v }))],
	['Connection', 'connectionId', (v) => ({ resource: 'connection', operation: 'get', connection: byId(v) })],
	['Connection', 'connectionId', (v) => ({ resource: 'connection', operation: 'delete', connection: byId(v) })],
	['Connection', 'connectionId', (v) => ({ resource: 'database', operation: 'listTables', connection: byId(v) })],
	['Name', 'name', (v) => ({ resource: 'connection', operation: 'update', connection: byId(CONNECTION_ID), updateFields: { name: v } })],
	['Limit', 'limit', (v) => ({ resource: 'connection', operation: 'getMany', returnAll: false, limit: v })],
	['Table', 'table', (v) => ({ resource: 'database', operation: 'previewRows', connection: byId(CONNECTION_ID), table: { __rl: true, mode: 'path', value: v } })],
];

const PER_CASE = 15;
const generated: Array<[string, string, Value, Case['params']]> = CASES.flatMap(([field, kind, params], c) =>
	fc.sample(badValue[kind], { numRuns: PER_CASE, seed: 1000 + c }).map((value): [string, string, Value, Case['params']] => [field, kind, value as Value, params]),
);

const figures = { inputs: 0, refusedNamingFieldAndItem: 0, requestsSent: 0 };

test(`at least 200 generated bad inputs (${generated.length})`, () => {
	expect(generated.length).toBeGreaterThanOrEqual(200);
});

test.each(generated.map(([field, kind, value, params], i) => [i, field, kind, value, params] as const))(
	'#%i %s (%s) %j is refused before any request',
	async (_, field, _kind, value, params) => {
		const before = h.stack.emulator.stats.requests;
		// The bad value arrives through an expression from the input item, as it would from an earlier node.
		const viaItem = typeof value === 'string' && value.startsWith('=');
		const error = await failure(h.run(params(viaItem ? value : '={{ $json.value }}'), { items: [{ value: viaItem ? null : value }] }));
		figures.inputs++;
		const sent = h.stack.emulator.stats.requests - before;
		figures.requestsSent += sent;
		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message.startsWith(`${field} `)).toBe(true);
		expect(error.message.endsWith('[item 0]')).toBe(true);
		expect(sent).toBe(0);
		figures.refusedNamingFieldAndItem++;
	},
);

afterAll(() => {
	process.stdout.write(
		`\nReliability: bad input\n  generated bad inputs: ${figures.inputs}   refused with NodeOperationError naming field and item: ${figures.refusedNamingFieldAndItem}   requests sent: ${figures.requestsSent}\n`,
	);
});
