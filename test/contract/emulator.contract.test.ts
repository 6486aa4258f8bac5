/**
 * The emulator held to the same documented examples: each documented request, sent to it as written
 * (placeholders filled in), is accepted, and its answer has at least the documented shape. Where the
 * docs or JSON Patch are strict, it is too.
 */
import type { Stack } from '../../emulator/stack';
import { startStack } from '../../emulator/stack';
import type { Fixture } from './fixtures';
import { FIXTURES, missingShape } from './fixtures';

const ORG = 'C0FFEE00000000000000000A@AdobeOrg';
let stack: Stack;
let connectionId: string;
let greenplumParams: Record<string, string>;

const headers = (extra: Record<string, string> = {}) => ({
	Authorization: 'Bearer emulator-token',
	'x-api-key': 'emulator-client',
	'x-gw-ims-org-id': ORG,
	'x-sandbox-name': 'prod',
	...extra,
});

async function send(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
	const response = await fetch(stack.emulator.flowServiceUrl + path, {
		method,
		headers: headers(body === undefined ? extra : { 'Content-Type': 'application/json', ...extra }),
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** The documented request's path and query, with the documented id replaced by one the emulator has. */
function target(fixture: Fixture, id = connectionId): string {
	const request = fixture.request!;
	const query = new URLSearchParams();
	for (const [key, value] of Object.entries(request.query ?? {})) for (const v of [value].flat()) query.append(key, v);
	const path = request.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, id);
	return query.size ? `${path}?${query}` : path;
}

function expectDocumentedShape(fixture: Fixture, answer: { status: number; body?: unknown }) {
	expect(answer.status).toBe(fixture.response.status);
	expect(missingShape(fixture.response.body, answer.body)).toEqual([]);
}

beforeAll(async () => {
	stack = await startStack();
	const { host, port, login } = stack.database;
	greenplumParams = { connectionString: `HOST=${host};PORT=${port};DB=${login.database};UID=${login.username};PWD=${login.password}` };
	const created = await send('POST', '/connections', {
		name: 'contract',
		auth: { specName: 'Basic Authentication', params: greenplumParams },
		connectionSpec: { id: '37b6bf40-d318-4655-90be-5cd6f65d334b', version: '1.0' },
	});
	connectionId = (created.body as { id: string }).id;
}, 60_000);
afterAll(async () => {
	await stack.close();
});

describe('documented requests are accepted and answered in the documented shape', () => {
	test.each(['create-ibm-db2', 'create-greenplum'])('%s, as written in the tutorial', async (name) => {
		const fixture = FIXTURES[name];
		const answer = await send('POST', fixture.request!.path, fixture.request!.body);
		expectDocumentedShape(fixture, answer);
		expect((answer.body as { etag: string }).etag).toMatch(/^"[^"]+"$/);
	});

	test.each(['get-connection', 'test-connection', 'explore-root'])('%s', async (name) => {
		expectDocumentedShape(FIXTURES[name], await send('GET', target(FIXTURES[name])));
	});

	test('explore-table and explore-preview, on a table of the sample database', async () => {
		for (const name of ['explore-table', 'explore-preview']) {
			const fixture = structuredClone(FIXTURES[name]);
			fixture.request!.query!.object = 'sales.customers';
			expectDocumentedShape(fixture, await send('GET', target(fixture)));
		}
	});

	test('objectType in both spellings Adobe uses: root (tutorials) and ROOT (OpenAPI)', async () => {
		const lower = await send('GET', `/connections/${connectionId}/explore?objectType=root`);
		const upper = await send('GET', `/connections/${connectionId}/explore?objectType=ROOT`);
		expect(upper).toEqual(lower);
		expect((await send('GET', `/connections/${connectionId}/explore?objectType=tables`)).body).toMatchObject({ type: expect.stringMatching(/FLOW-1358-400$/) });
	});

	test('list-connections: the documented parameters, and _links.next carrying only a continuation token', async () => {
		for (let i = 0; i < 3; i++) await send('POST', '/connections', { ...(FIXTURES['create-greenplum'].request!.body as object), name: `list-${i}` });
		const fixture = structuredClone(FIXTURES['list-connections']);
		fixture.request!.query = { property: ['state==enabled', 'name==list-0,list-1,list-2'], orderby: 'createdAt', limit: '2' };
		const answer = await send('GET', target(fixture));
		expectDocumentedShape(fixture, answer);
		expect((answer.body as { _links: { next: { href: string } } })._links.next.href).toMatch(/^\/connections\?continuationToken=[^&]+$/);
		expect((await send('GET', '/connections?search=x')).body).toMatchObject({ type: expect.stringMatching(/FLOW-1451-400$/) });
	});

	test('connection-specs: only property is a parameter of /connectionSpecs', async () => {
		const fixture = FIXTURES['connection-specs'];
		expectDocumentedShape(fixture, await send('GET', target(fixture)));
		expect((await send('GET', '/connectionSpecs?limit=5')).body).toMatchObject({ type: expect.stringMatching(/FLOW-1451-400$/) });
	});

	test('delete-connection: 204 and no body', async () => {
		const created = await send('POST', '/connections', FIXTURES['create-greenplum'].request!.body);
		const answer = await send('DELETE', target(FIXTURES['delete-connection'], (created.body as { id: string }).id));
		expect(answer).toEqual({ status: 204, body: undefined });
	});

	test('errors: the gateway and Flow Service bodies have the documented shape', async () => {
		const gateway = await fetch(`${stack.emulator.flowServiceUrl}/connections`, { headers: headers({ Authorization: 'Bearer not-a-token' }) });
		expectDocumentedShape(FIXTURES['error-gateway-token'], { status: gateway.status, body: await gateway.json() });
		const missing = await send('GET', '/connections/00000000-0000-4000-8000-000000000000');
		const documented = structuredClone(FIXTURES['error-flow-service']);
		// The documented example is a flow's 404 and has two extra report members of its own (id, type).
		delete (documented.response.body as { report: Record<string, unknown> }).report.id;
		delete (documented.response.body as { report: Record<string, unknown> }).report.type;
		expectDocumentedShape(documented, missing);
	});

	test('ims-token: the documented answer to the documented form', async () => {
		const ims = await startStack({ imsClients: [{ clientId: 'doc-client', clientSecret: 'doc-secret' }] });
		try {
			const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'doc-client', client_secret: 'doc-secret', scope: 'openid,AdobeID' });
			const answer = await fetch(ims.emulator.imsTokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
			expectDocumentedShape(FIXTURES['ims-token'], { status: answer.status, body: await answer.json() });
		} finally {
			await ims.close();
		}
	});
});

describe('the update tutorial, and JSON Patch as RFC 6902 writes it', () => {
	async function fresh(description?: string) {
		const created = await send('POST', '/connections', {
			name: 'patch me',
			...(description === undefined ? {} : { description }),
			auth: { specName: 'Basic Authentication', params: greenplumParams },
			connectionSpec: { id: '37b6bf40-d318-4655-90be-5cd6f65d334b', version: '1.0' },
		});
		return created.body as { id: string; etag: string };
	}
	const patch = (id: string, etag: string, operations: unknown) => send('PATCH', `/connections/${id}`, operations, { 'If-Match': etag });

	test("the tutorial's patch (replace /name, add /description, replace /auth/params) on a connection with no description", async () => {
		const { id, etag } = await fresh();
		const operations = structuredClone(FIXTURES['update-connection'].request!.body) as Array<{ path: string; value: unknown }>;
		operations[0].value = greenplumParams;
		const answer = await patch(id, etag, operations);
		expectDocumentedShape(FIXTURES['update-connection'], answer);
		const read = (await send('GET', `/connections/${id}`)).body as { items: Array<{ name: string; description: string }> };
		expect(read.items[0]).toMatchObject({ name: 'Test salesforce connection', description: 'A test salesforce connection' });
	});

	test('replace or remove of a member that is not there: 1455-400; add sets it, and on an existing member replaces it', async () => {
		const { id, etag } = await fresh();
		for (const op of ['replace', 'remove']) {
			const refused = await patch(id, etag, [{ op, path: '/description', value: 'x' }]);
			expect(refused.status).toBe(400);
			expect(refused.body).toMatchObject({ type: expect.stringMatching(/FLOW-1455-400$/), report: { 'detailed-message': expect.stringContaining('Missing field "description"') } });
		}
		const added = (await patch(id, etag, [{ op: 'add', path: '/description', value: 'first' }])).body as { etag: string };
		const again = (await patch(id, added.etag, [{ op: 'add', path: '/description', value: 'second' }])).body as { etag: string };
		const replaced = (await patch(id, again.etag, [{ op: 'replace', path: '/description', value: 'third' }])).body as { etag: string };
		expect(((await send('GET', `/connections/${id}`)).body as { items: Array<{ description: string }> }).items[0].description).toBe('third');
		await patch(id, replaced.etag, [{ op: 'remove', path: '/description' }]);
		expect(((await send('GET', `/connections/${id}`)).body as { items: object[] }).items[0]).not.toHaveProperty('description');
	});

	test('an unknown path: 1365-400; an unsupported op: 1434-400; the connection spec: 1414-400; nothing applied', async () => {
		const { id, etag } = await fresh('kept');
		const cases: Array<[unknown, string]> = [
			[[{ op: 'add', path: '/nickname', value: 'x' }], '1365-400'],
			[[{ op: 'move', from: '/name', path: '/description' }], '1434-400'],
			[[{ op: 'replace', path: '/connectionSpec/id', value: 'x' }], '1414-400'],
			[[{ op: 'replace', path: '/name', value: 'renamed' }, { op: 'replace', path: '/nope', value: 1 }], '1365-400'],
		];
		for (const [operations, code] of cases) expect((await patch(id, etag, operations)).body).toMatchObject({ type: expect.stringMatching(new RegExp(`FLOW-${code}$`)) });
		expect(((await send('GET', `/connections/${id}`)).body as { items: Array<{ name: string }> }).items[0].name).toBe('patch me');
	});

	test('If-Match: the etag quoted (as returned) or bare (as in the tutorial) is the same version; another is 412, none is 1403-400', async () => {
		const { id, etag } = await fresh();
		const bare = etag.replace(/^"|"$/g, '');
		const first = (await patch(id, bare, [{ op: 'replace', path: '/name', value: 'one' }])).body as { etag: string };
		expect((await patch(id, first.etag, [{ op: 'replace', path: '/name', value: 'two' }])).status).toBe(200);
		const stale = await patch(id, first.etag, [{ op: 'replace', path: '/name', value: 'three' }]);
		expect(stale).toMatchObject({ status: 412, body: { type: expect.stringMatching(/FLOW-1404-412$/) } });
		expect((await send('PATCH', `/connections/${id}`, [{ op: 'replace', path: '/name', value: 'x' }])).body).toMatchObject({ type: expect.stringMatching(/FLOW-1403-400$/) });
	});
});

describe('create is checked against the auth spec of the connector data file', () => {
	const body = (params: Record<string, string>, spec = '09182899-b429-40c9-a15a-bf3ddbc8ced7') => ({
		name: 'checked',
		auth: { specName: 'Basic Authentication', params },
		connectionSpec: { id: spec, version: '1.0' },
	});
	const db2 = { server: 'db2.example.com:50000', database: 'SAMPLE', authenticationType: 'Basic', username: 'u', password: 'p' };

	test('a DB2 key renamed (server → host) is refused with 1304-400', async () => {
		const { server, ...rest } = db2;
		const answer = await send('POST', '/connections', body({ ...rest, host: server }));
		expect(answer.body).toMatchObject({ type: expect.stringMatching(/FLOW-1304-400$/) });
	});

	test('a GreenPlum connection string without a documented key (DB → DATABASE) is refused with 1304-400', async () => {
		const answer = await send('POST', '/connections', body({ connectionString: 'HOST=h;PORT=5432;DATABASE=d;UID=u;PWD=p' }, '37b6bf40-d318-4655-90be-5cd6f65d334b'));
		expect(answer.body).toMatchObject({ type: expect.stringMatching(/FLOW-1304-400$/), report: { 'detailed-message': expect.stringContaining('DB') } });
	});

	test('an unknown spec is 1413-400, an unknown auth spec name 1415-400', async () => {
		expect((await send('POST', '/connections', body(db2, '00000000-0000-4000-8000-000000000000'))).body).toMatchObject({ type: expect.stringMatching(/FLOW-1413-400$/) });
		expect((await send('POST', '/connections', { ...body(db2), auth: { specName: 'Basic', params: db2 } })).body).toMatchObject({ type: expect.stringMatching(/FLOW-1415-400$/) });
	});
});
