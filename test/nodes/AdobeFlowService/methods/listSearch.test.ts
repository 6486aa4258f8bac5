/** The resource locators' From List, in n8n-core's real LoadOptionsContext against the emulator. */
import { ORG, useStack } from '../../../../support/harness';
import { searchList } from '../../../../support/runNode';

// Small pages, so that 500 connections are many of them.
const h = useStack({ maxPageSize: 40 });
const GREENPLUM = '37b6bf40-d318-4655-90be-5cd6f65d334b';
const DB2 = '09182899-b429-40c9-a15a-bf3ddbc8ced7';

beforeAll(() => {
	h.stack.emulator.seedConnections(ORG, 'prod', 500, (i) => ({
		name: i === 499 ? 'Zeta finance' : `Warehouse ${String(i).padStart(3, '0')}`,
		connectionSpec: { id: i % 2 ? DB2 : GREENPLUM, version: '1.0' },
	}));
});

test('a search covers the whole account: the 500th connection is found by name, with its connector', async () => {
	const zeta = await searchList('searchConnections', { credentials: h.credentials, filter: 'zeta fin' });
	expect(zeta.results).toEqual([{ name: 'Zeta finance (IBM DB2)', value: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
	const w105 = await searchList('searchConnections', { credentials: h.credentials, filter: 'Warehouse 105' });
	expect(w105.results.map((r) => r.name)).toEqual(['Warehouse 105 (IBM DB2)']);
	const byId = await searchList('searchConnections', { credentials: h.credentials, filter: zeta.results[0].value as string });
	expect(byId.results.map((r) => r.name)).toEqual(['Zeta finance (IBM DB2)']);
});

test('without a search, page after page as the user scrolls, in name order, nothing lost or repeated', async () => {
	const seen: string[] = [];
	let token: string | undefined;
	do {
		const page = await searchList('searchConnections', { credentials: h.credentials, paginationToken: token });
		seen.push(...page.results.map((r) => r.name));
		token = page.paginationToken as string | undefined;
	} while (token);
	expect(seen).toHaveLength(500);
	expect(new Set(seen).size).toBe(500);
	expect(seen[0]).toBe('Warehouse 000 (GreenPlum)');
	expect(seen.at(-1)).toBe('Zeta finance (IBM DB2)');
});

test('the table list asks for a connection before one is chosen', async () => {
	const parameters = { resource: 'database', operation: 'listTables', connection: { __rl: true, mode: 'list', value: '' } };
	await expect(searchList('searchTables', { credentials: h.credentials, parameters })).rejects.toThrow('Choose a connection first');
	await expect(searchList('searchTables', { credentials: h.credentials })).rejects.toThrow('Choose a connection first');
});

test('with a connection chosen, the tables of its database, searchable', async () => {
	const [created] = await h.run(h.greenplum('tables for the list'));
	const parameters = { resource: 'database', operation: 'listTables', connection: { __rl: true, mode: 'id', value: created.json.id } };
	const all = await searchList('searchTables', { credentials: h.credentials, parameters });
	expect(all.results.map((r) => r.value)).toEqual(expect.arrayContaining(['sales.customers', 'sales.orders', 'public.events']));
	const some = await searchList('searchTables', { credentials: h.credentials, parameters, filter: 'ORDERS' });
	expect(some.results).toEqual([{ name: 'sales.orders', value: 'sales.orders' }]);
});

test('connection specs, by name, searchable', async () => {
	const all = await searchList('searchConnectionSpecs', { credentials: h.credentials });
	expect(all.results.map((r) => r.value)).toEqual(expect.arrayContaining([GREENPLUM, DB2]));
	const green = await searchList('searchConnectionSpecs', { credentials: h.credentials, filter: 'green' });
	expect(green.results).toEqual([{ name: 'greenplum', value: GREENPLUM }]);
});
