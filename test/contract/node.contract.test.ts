/**
 * The node held to Adobe's documented examples, both ways: for the same input, the request it sends
 * has the documented shape (method, path, query, headers, body keys and nesting), and each documented
 * response turns into the output items a user gets. Values may differ; shapes may not.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { CredentialStore, runNode } from '../../support/runNode';
import type { Fixture } from './fixtures';
import { connectionStringKeys, FIXTURES, shapeOf } from './fixtures';
import type { Recorded, Replay, Route } from './replay';
import { startReplay } from './replay';

const ORG = 'C0FFEE00000000000000000A@AdobeOrg';
const CONNECTION_ID = '139f6a5f-a78b-4744-9f6a-5fa78bd74431';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

let replay: Replay | undefined;
afterEach(async () => {
	await replay?.close();
	replay = undefined;
});

/** Runs the node against a server that answers with the given documented responses. */
async function against(routes: Route[], parameters: IDataObject, authentication: 'accessToken' | 'serverToServer' = 'accessToken', databaseLogin: ICredentialDataDecryptedObject = {}) {
	await replay?.close();
	replay = await startReplay(routes);
	const credentials = new CredentialStore();
	credentials.set('flowServiceDatabaseApi', databaseLogin);
	credentials.set('flowServiceApi', { accessToken: 'doc-token', apiKey: 'doc-client', imsOrgId: ORG, sandboxName: 'Prod', baseUrl: replay.url });
	credentials.set('flowServiceServerToServerApi', {
		clientId: 'doc-client',
		clientSecret: 'doc-secret',
		imsOrgId: ORG,
		sandboxName: 'prod',
		baseUrl: replay.url,
		imsTokenUrl: `${replay.url}/ims/token/v3`,
	});
	const out = await runNode({ credentials, parameters, authentication });
	return { out, requests: replay.requests };
}

function answer(fixture: Fixture, method = fixture.request!.method, path = new RegExp(`^${fixture.request!.path.replace(/[0-9a-f-]{36}/, '[^/]+')}$`)): Route {
	return { method, path, answers: [fixture.response] };
}

/** The request has the documented method, path shape, headers and query keys. */
function expectDocumentedRequest(sent: Recorded, fixture: Fixture) {
	const documented = fixture.request!;
	expect(sent.method).toBe(documented.method);
	expect(sent.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}')).toBe(documented.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}'));
	for (const name of documented.headers ?? []) expect(Object.keys(sent.headers)).toContain(name.toLowerCase());
	expect([...new Set(sent.query.keys())].sort()).toEqual(expect.arrayContaining(Object.keys(documented.query ?? {})));
	if (documented.allowedQuery) for (const name of sent.query.keys()) expect(documented.allowedQuery).toContain(name);
	else expect([...new Set(sent.query.keys())].sort()).toEqual(Object.keys(documented.query ?? {}).sort());
	for (const [key, value] of Object.entries(documented.query ?? {})) {
		if (key !== 'limit' && key !== 'property' && key !== 'orderby') expect(sent.query.getAll(key)).toEqual([value].flat());
	}
	expect(sent.headers['x-sandbox-name']).toBe('prod');
}

describe('Connection → Create: the documented body for each connector', () => {
	test('IBM DB2 (create/databases/ibm-db2.md), the login from the Database Login credential', async () => {
		const fixture = FIXTURES['create-ibm-db2'];
		const { out, requests } = await against([answer(fixture)], {
			resource: 'connection',
			operation: 'create',
			connector: 'ibmDb2',
			name: 'DB2 sales',
			description: 'Sales warehouse',
			options: { ifExists: 'create' },
		}, 'accessToken', { host: 'db2.example.com', port: '50000', database: 'SAMPLE', username: 'analyst', password: 'secret' });
		expect(requests).toHaveLength(1);
		expectDocumentedRequest(requests[0], fixture);
		expect(shapeOf(requests[0].body)).toEqual(shapeOf(fixture.request!.body));
		expect(requests[0].body).toMatchObject({ auth: { specName: 'Basic Authentication' }, connectionSpec: (fixture.request!.body as IDataObject).connectionSpec });
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject(fixture.response.body as IDataObject);
	});

	test('GreenPlum (create/databases/greenplum.md): the connection string has the documented keys, in order', async () => {
		const fixture = FIXTURES['create-greenplum'];
		const { out, requests } = await against([answer(fixture)], {
			resource: 'connection',
			operation: 'create',
			connector: 'greenplum',
			databaseLogin: 'node',
			name: 'GreenPlum sales',
			description: 'Sales warehouse',
			host: 'gp.example.com',
			port: 5432,
			database: 'sales',
			username: 'analyst',
			password: 'secret',
			options: { ifExists: 'create' },
		});
		expectDocumentedRequest(requests[0], fixture);
		const documented = fixture.request!.body as { auth: { params: { connectionString: string } } };
		const sent = requests[0].body as typeof documented;
		expect(shapeOf(sent)).toEqual(shapeOf(documented));
		expect(connectionStringKeys(sent.auth.params.connectionString)).toEqual(connectionStringKeys(documented.auth.params.connectionString));
		expect(sent).toMatchObject({ auth: { specName: 'Basic Authentication' }, connectionSpec: (documented as unknown as IDataObject).connectionSpec });
		expect(out[0].json).toMatchObject(fixture.response.body as IDataObject);
	});
});

describe('Connection → Get, Update, Delete, Test', () => {
	test('Get (update.md): the documented connection becomes one item, with no auth param of a connector the node does not know', async () => {
		const fixture = FIXTURES['get-connection'];
		const { out, requests } = await against([answer(fixture)], { resource: 'connection', operation: 'get', connection: byId(CONNECTION_ID) });
		expectDocumentedRequest(requests[0], fixture);
		const documented = (fixture.response.body as { items: IDataObject[] }).items[0];
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ id: documented.id, name: documented.name, etag: documented.etag, state: 'enabled' });
		expect(out[0].json.auth).toEqual({ specName: 'Basic Authentication', params: {} });
	});

	test('Update (update.md): If-Match with the etag read first; replace /name and add /description, as documented', async () => {
		const get = FIXTURES['get-connection'];
		const fixture = FIXTURES['update-connection'];
		const { out, requests } = await against([answer(get), answer(fixture)], {
			resource: 'connection',
			operation: 'update',
			connection: byId(CONNECTION_ID),
			updateFields: { name: 'Test salesforce connection', description: 'A test salesforce connection' },
		});
		const patch = requests.find((r) => r.method === 'PATCH')!;
		expectDocumentedRequest(patch, fixture);
		expect(patch.headers['content-type']).toMatch(/^application\/json/);
		// The etag as the Platform returned it; the emulator's contract test shows both spellings are accepted.
		expect(patch.headers['if-match']).toBe((get.response.body as { items: IDataObject[] }).items[0].etag);
		const documented = (fixture.request!.body as Array<{ op: string; path: string }>).map((o) => `${o.op} ${o.path}`);
		const sent = (patch.body as Array<{ op: string; path: string; value: unknown }>).map((o) => `${o.op} ${o.path}`);
		expect(documented).toEqual(expect.arrayContaining(sent));
		expect(sent).toEqual(['replace /name', 'add /description']);
		expect(out[0].json).toMatchObject(fixture.response.body as IDataObject);
	});

	test('Update of credentials: replace /auth/params with an object, as documented', async () => {
		const get = structuredClone(FIXTURES['get-connection']);
		// The documented connection is Salesforce; the node updates the credentials of its own connectors only.
		(get.response.body as { items: Array<{ connectionSpec: { id: string } }> }).items[0].connectionSpec.id = '37b6bf40-d318-4655-90be-5cd6f65d334b';
		const fixture = FIXTURES['update-connection'];
		const { requests } = await against([answer(get), answer(fixture)], {
			resource: 'connection',
			operation: 'update',
			connection: byId(CONNECTION_ID),
			updateCredentials: true,
			connector: 'greenplum',
			databaseLogin: 'node',
			host: 'gp.example.com',
			port: 5432,
			database: 'sales',
			username: 'analyst',
			password: 'rotated',
		});
		const patch = requests.find((r) => r.method === 'PATCH')!;
		const [operation] = patch.body as Array<{ op: string; path: string; value: unknown }>;
		const [documented] = fixture.request!.body as Array<{ op: string; path: string; value: unknown }>;
		expect([operation.op, operation.path]).toEqual([documented.op, documented.path]);
		expect(typeof operation.value).toBe(typeof documented.value);
	});

	test('Delete (OpenAPI): 204 with no body becomes { deleted: true }', async () => {
		const fixture = FIXTURES['delete-connection'];
		const { out, requests } = await against([answer(fixture)], { resource: 'connection', operation: 'delete', connection: byId(CONNECTION_ID) });
		expectDocumentedRequest(requests[0], fixture);
		expect(out[0].json).toMatchObject({ deleted: true, id: CONNECTION_ID });
	});

	test('Test (OpenAPI): { result: true }', async () => {
		const fixture = FIXTURES['test-connection'];
		const { out, requests } = await against([answer(fixture)], { resource: 'connection', operation: 'test', connection: byId(CONNECTION_ID) });
		expectDocumentedRequest(requests[0], fixture);
		expect(out[0].json).toMatchObject({ result: true });
	});
});

describe('Connection → Get Many: documented parameters only, and _links.next followed as written', () => {
	test('the continuation token goes back exactly as the href carries it, with the filters and order sent again', async () => {
		const fixture = FIXTURES['list-connections'];
		const last = { status: 200, body: { items: (fixture.response.body as { items: unknown[] }).items } };
		const { out, requests } = await against([{ method: 'GET', path: /^\/connections$/, answers: [fixture.response, last] }], {
			resource: 'connection',
			operation: 'getMany',
			returnAll: true,
			filters: { state: 'enabled' },
			orderBy: '+name',
		});
		expect(requests).toHaveLength(2);
		for (const request of requests) {
			expectDocumentedRequest(request, fixture);
			expect(request.query.getAll('property')).toEqual(['state==enabled']);
			expect(request.query.get('orderby')).toBe('+name');
		}
		const href = (fixture.response.body as { _links: { next: { href: string } } })._links.next.href;
		expect(requests[1].rawQuery.split('&')).toContain(href.split('?')[1]);
		expect(out).toHaveLength(2);
		expect(out[0].json).toMatchObject({ id: '69f188b6-af07-4587-8061-e94d34637b41', name: 'Google BigQuery Base Connection' });
	});

	test('a token with + / % = in it is not decoded and encoded again on the way back', async () => {
		const fixture = structuredClone(FIXTURES['list-connections']);
		const token = 'a+b/c%2Bd=e==';
		(fixture.response.body as { _links: { next: { href: string } } })._links.next.href = `/connections?continuationToken=${token}`;
		const last = { status: 200, body: { items: [] } };
		const { requests } = await against([{ method: 'GET', path: /^\/connections$/, answers: [fixture.response, last] }], { resource: 'connection', operation: 'getMany', returnAll: true });
		expect(requests[1].rawQuery.split('&')).toContain(`continuationToken=${token}`);
	});
});

describe('Database: explore (explore/database-nosql.md, filter.md)', () => {
	test('List Tables: objectType=root; the documented array becomes one item per table', async () => {
		const fixture = FIXTURES['explore-root'];
		const { out, requests } = await against([answer(fixture)], { resource: 'database', operation: 'listTables', connection: byId(CONNECTION_ID) });
		expectDocumentedRequest(requests[0], fixture);
		expect(out.map((o) => o.json.path)).toEqual(['test1.Mytable', 'test1.austin_demo']);
		expect(out[0].json).toMatchObject({ connectionId: CONNECTION_ID, name: 'test1.Mytable', type: 'table', canPreview: true, canFetchSchema: true });
	});

	test('Get Table Schema: objectType=table&object=…; the documented columns with their XDM types', async () => {
		const fixture = FIXTURES['explore-table'];
		const { out, requests } = await against([answer(fixture)], {
			resource: 'database',
			operation: 'getTableSchema',
			connection: byId(CONNECTION_ID),
			table: { __rl: true, mode: 'path', value: 'test1.Mytable' },
		});
		expectDocumentedRequest(requests[0], fixture);
		expect(out[0].json).toMatchObject({ table: 'test1.Mytable', format: 'flat', columnCount: 2 });
	});

	test('Preview Rows: preview=true; the documented rows, one item each', async () => {
		const fixture = FIXTURES['explore-preview'];
		const { out, requests } = await against([answer(fixture)], {
			resource: 'database',
			operation: 'previewRows',
			connection: byId(CONNECTION_ID),
			table: { __rl: true, mode: 'path', value: 'test1.fasTestTable' },
		});
		expectDocumentedRequest(requests[0], fixture);
		const rows = (fixture.response.body as { data: IDataObject[] }).data;
		expect(out.map((o) => o.json)).toEqual(rows.map((row) => expect.objectContaining(row)));
	});
});

describe('Connection Spec → Get Many (OpenAPI)', () => {
	test('only the property parameter is sent; each spec becomes an item with its auth spec names', async () => {
		const fixture = FIXTURES['connection-specs'];
		const { out, requests } = await against([{ method: 'GET', path: /^\/connectionSpecs$/, answers: [fixture.response] }], {
			resource: 'connectionSpec',
			operation: 'getMany',
			returnAll: false,
			limit: 5,
			specName: 'greenplum',
		});
		expectDocumentedRequest(requests[0], fixture);
		expect(out[0].json).toMatchObject({ id: '32e8f412-cdf7-464c-9885-78184cb113fd', authSpecNames: ['Basic Authentication for google-cloud'] });
	});
});

describe('Documented errors become NodeApiErrors with status, code, message and request id', () => {
	test.each([
		['error-gateway-token', 'Oauth token is not valid [401 401013]'],
		['error-flow-service', 'The requested flows resource 84224def-1e2a-4d95-9ea2-132d697ed2aa is not found. Verify the resource ID before trying again. [404 FLOW-1439-404]'],
	])('%s', async (name, message) => {
		const fixture = FIXTURES[name];
		const error = await against([{ method: 'GET', path: /^\/connections\/[^/]+$/, answers: [fixture.response] }], {
			resource: 'connection',
			operation: 'get',
			connection: byId(CONNECTION_ID),
		}).then(
			() => undefined,
			(e: Error & { description?: string }) => e,
		);
		expect(error?.message).toBe(message);
		expect(error?.description).toMatch(/Request ID: (replay-request-id|\{REQUEST_ID\})/);
	});
});

describe('IMS token (OAuth Server-to-Server)', () => {
	test('a form POST with the documented fields; the documented answer is used as the Bearer token', async () => {
		const fixture = FIXTURES['ims-token'];
		const get = FIXTURES['get-connection'];
		const { requests } = await against(
			[{ method: 'POST', path: /^\/ims\/token\/v3$/, answers: [fixture.response] }, answer(get)],
			{ resource: 'connection', operation: 'get', connection: byId(CONNECTION_ID) },
			'serverToServer',
		);
		const [token, read] = requests;
		expect(token.path).toBe(fixture.request!.path);
		expect(token.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		expect([...new URLSearchParams(token.text).keys()].sort()).toEqual([...fixture.request!.form!].sort());
		expect(read.headers.authorization).toBe(`Bearer ${(fixture.response.body as { access_token: string }).access_token}`);
	});
});

describe('the pipeline: each Create sends the documented body, and documented answers become its output', () => {
	const GREENPLUM_GET = (() => {
		const get = structuredClone(FIXTURES['get-connection']);
		(get.response.body as { items: Array<{ connectionSpec: { id: string } }> }).items[0].connectionSpec.id = '37b6bf40-d318-4655-90be-5cd6f65d334b';
		return get;
	})();
	const keys = (value: unknown) => Object.keys(value as object).sort();

	test('Source Connection (collect/database-nosql.md): the table, its explored columns, tabular, the base connection’s spec', async () => {
		const fixture = FIXTURES['create-source-connection'];
		const { out, requests } = await against(
			[answer(GREENPLUM_GET), answer(FIXTURES['explore-table']), { method: 'POST', path: /^\/sourceConnections$/, answers: [fixture.response] }],
			{ resource: 'sourceConnection', operation: 'create', connection: byId(CONNECTION_ID), table: { __rl: true, mode: 'path', value: 'test1.Mytable' }, name: 'Database source connection', description: 'Database source connection', options: { ifExists: 'create' } },
		);
		const post = requests.find((r) => r.method === 'POST')!;
		expectDocumentedRequest(post, fixture);
		const documented = structuredClone(fixture.request!.body) as { params: IDataObject };
		// cdcEnabled is for three sources only (BigQuery, Snowflake, Azure Databricks): never sent for these databases.
		delete documented.params.cdcEnabled;
		expect(shapeOf(post.body)).toEqual(shapeOf(documented));
		expect((post.body as { params: { columns: unknown } }).params.columns).toEqual((FIXTURES['explore-table'].response.body as { schema: { columns: unknown } }).schema.columns);
		expect(post.body).toMatchObject({ data: { format: 'tabular' }, connectionSpec: { id: '37b6bf40-d318-4655-90be-5cd6f65d334b', version: '1.0' } });
		expect(out[0].json).toMatchObject({ ...(fixture.response.body as IDataObject), table: 'test1.Mytable', created: true });
	});

	test('Target Connection (collect/database-nosql.md): the Data Lake spec, the schema at version 1, the dataset', async () => {
		const fixture = FIXTURES['create-target-connection'];
		const documented = fixture.request!.body as { data: { schema: { id: string } }; params: { dataSetId: string } };
		const { out, requests } = await against([{ method: 'POST', path: /^\/targetConnections$/, answers: [fixture.response] }], {
			resource: 'targetConnection',
			operation: 'create',
			dataset: { __rl: true, mode: 'id', value: documented.params.dataSetId },
			schema: { __rl: true, mode: 'id', value: documented.data.schema.id },
			name: 'Database target connection',
			description: 'Database target connection',
			options: { ifExists: 'create' },
		});
		expectDocumentedRequest(requests[0], fixture);
		expect(requests[0].body).toEqual(documented);
		expect(out[0].json).toMatchObject({ ...(fixture.response.body as IDataObject), dataSetId: documented.params.dataSetId, created: true });
	});

	test('Mapping (data-prep/api/mapping-set.md): outputSchema.schemaRef and sourceType/source/destination; the 200 answer’s id is the output', async () => {
		const fixture = FIXTURES['create-mapping-set'];
		const documented = fixture.request!.body as { outputSchema: { schemaRef: { id: string } }; mappings: Array<{ source: string; destination: string }> };
		// The schema the node reads first to check each destination: fields at the documented destinations.
		const schema = { $id: documented.outputSchema.schemaRef.id, type: 'object', properties: { _id: { type: 'string' }, person: { type: 'object', properties: { name: { type: 'object', properties: { firstName: { type: 'string' }, lastName: { type: 'string' } } } } } } };
		const { out, requests } = await against(
			[
				{ method: 'GET', path: /^\/data\/foundation\/schemaregistry\/tenant\/schemas\/[^/]+$/, answers: [{ status: 200, body: schema }] },
				{ method: 'POST', path: /^\/data\/foundation\/conversion\/mappingSets$/, answers: [fixture.response] },
			],
			{
				resource: 'mapping',
				operation: 'create',
				schema: { __rl: true, mode: 'id', value: documented.outputSchema.schemaRef.id },
				mappingMode: 'pairs',
				pairs: { pair: documented.mappings.map((m) => ({ source: m.source, destination: m.destination })) },
				options: { ifExists: 'create' },
			},
		);
		const [read, post] = requests;
		expect(read.headers.accept).toBe('application/vnd.adobe.xed-full+json; version=1');
		expect(post.path).toBe('/data/foundation/conversion/mappingSets');
		for (const name of fixture.request!.headers!) expect(Object.keys(post.headers)).toContain(name.toLowerCase());
		const sent = post.body as typeof documented;
		expect(keys(sent)).toEqual(keys(documented));
		expect(sent.outputSchema).toEqual(documented.outputSchema);
		// name and description of a mapping are optional (the guide shows them on its first pair only).
		expect(sent.mappings).toEqual(documented.mappings.map(({ sourceType, source, destination }: IDataObject) => ({ sourceType, source, destination })));
		expect(out[0].json).toMatchObject({ id: (fixture.response.body as IDataObject).id, version: 0, created: true });
	});

	test('Dataflow (collect/database-nosql.md): CRMToAEP, Copy then Mapping, the schedule members; typed as the flow spec types them', async () => {
		const fixture = FIXTURES['create-flow'];
		const documented = fixture.request!.body as IDataObject & { transformations: Array<{ name: string; params: IDataObject }>; scheduleParams: IDataObject };
		const { out, requests } = await against([{ method: 'POST', path: /^\/flows$/, answers: [fixture.response] }], {
			resource: 'dataflow',
			operation: 'create',
			name: documented.name as string,
			description: documented.description as string,
			sourceConnection: byId((documented.sourceConnectionIds as string[])[0]),
			targetConnection: byId((documented.targetConnectionIds as string[])[0]),
			mappingId: documented.transformations[1].params.mappingId as string,
			frequency: 'minute',
			interval: 15,
			startTime: new Date(Number(documented.scheduleParams.startTime) * 1000).toISOString(),
			backfill: true,
			incrementalColumn: 'Datefield',
			options: { ifExists: 'create' },
		});
		expectDocumentedRequest(requests[0], fixture);
		const sent = requests[0].body as typeof documented;
		// And `options`, which no create example carries: sent where the flow's look-up and the PATCH of partial.md have it (inferred).
		expect(keys(sent)).toEqual([...keys(documented), 'options'].sort());
		expect(sent.options).toEqual({ errorDiagnosticsEnabled: true });
		expect(sent.flowSpec).toEqual(documented.flowSpec);
		expect(sent.transformations.map((t) => t.name)).toEqual(documented.transformations.map((t) => t.name));
		expect(sent.transformations[1]).toEqual(documented.transformations[1]);
		expect(sent.transformations[0].params).toEqual({ deltaColumn: { name: 'Datefield' } });
		// The values the tutorial writes as strings, sent as the flow spec's schema types them.
		expect(sent.scheduleParams).toEqual({ startTime: 1612310466, frequency: 'minute', interval: 15, backfill: true });
		expect(out[0].json).toMatchObject({ ...(fixture.response.body as IDataObject), created: true });
	});

	describe('Dataflow → Update (update-dataflows.md, partial.md): If-Match with the etag read first; the documented ops', () => {
		const FLOW_ID = '2edc08ac-4df5-4fe6-936f-81a19ce92f5c';
		const got = FIXTURES['get-flow'];
		const documentedFlow = (got.response.body as { items: IDataObject[] }).items[0];
		const update = async (fixture: Fixture, updateFields: IDataObject) => {
			const { out, requests } = await against([answer(got), answer(fixture)], { resource: 'dataflow', operation: 'update', dataflow: byId(FLOW_ID), updateFields });
			const patch = requests.find((r) => r.method === 'PATCH')!;
			expectDocumentedRequest(patch, fixture);
			expect(patch.headers['content-type']).toMatch(/^application\/json/);
			expect(patch.headers['if-match']).toBe(documentedFlow.etag);
			return { out, ops: patch.body as Array<{ op: string; path: string; value: any }> };
		};
		const opsOf = (body: unknown) => (body as Array<{ op: string; path: string }>).map((o) => `${o.op} ${o.path}`);

		test('name and description: replace each, as documented (the documented flow has a description)', async () => {
			const fixture = FIXTURES['update-flow'];
			const { out, ops } = await update(fixture, { name: 'Database Dataflow Feb2021', description: 'Database dataflow for testing update API' });
			expect(opsOf(fixture.request!.body)).toEqual(expect.arrayContaining(opsOf(ops)));
			expect(opsOf(ops)).toEqual(['replace /name', 'replace /description']);
			// The documented look-up, as Dataflow → Get shows it, and what changed.
			expect(out[0].json).toMatchObject({ id: FLOW_ID, mappingId: '0b090130b58b4819afc78b6dc98b484d', mappingVersion: 0, incrementalColumn: 'Datefield', errorDiagnostics: false, partialIngestionPercent: null, changes: ['name', 'description'] });
		});

		test('the mapping: the documented replace with a Mapping, at the index the documented flow holds it (1; Copy is at 0)', async () => {
			const fixture = FIXTURES['update-flow-mapping'];
			const [documented] = fixture.request!.body as Array<{ op: string; path: string; value: { params: IDataObject } }>;
			const { ops } = await update(fixture, { mappingId: byId(String(documented.value.params.mappingId)), mappingVersion: documented.value.params.mappingVersion as number });
			expect(ops).toHaveLength(1);
			expect([ops[0].op, ops[0].path]).toEqual([documented.op, '/transformations/1']);
			expect(ops[0].value).toEqual(documented.value);
		});

		test('options: add /options as documented, the object merged whole; the percent a number, as the flow spec and the read-back type it', async () => {
			const fixture = FIXTURES['update-flow-options'];
			const { ops } = await update(fixture, { partialIngestion: true, partialIngestionThreshold: 10 });
			expect(opsOf(fixture.request!.body)).toEqual(expect.arrayContaining(opsOf(ops)));
			expect(ops).toEqual([{ op: 'add', path: '/options', value: { errorDiagnosticsEnabled: true, partialIngestionPercent: 10 } }]);
			// The keys the documented PATCH leaves the options with.
			const read = FIXTURES['update-flow-options'].request!.body as Array<{ path: string; value: unknown }>;
			const documentedKeys = [...Object.keys(read[0].value as object), read[1].path.split('/').pop()!].sort();
			expect(Object.keys(ops[0].value).sort()).toEqual(documentedKeys);
		});
	});

	test('Runs (monitor.md): the documented run becomes one item with its record counts, status and errors; Wait for Run returns it', async () => {
		const fixture = FIXTURES['list-runs'];
		const flowId = 'c9cef9cb-c934-4467-8ef9-cbc934546741';
		const expected = {
			id: '9830305a-985f-47d0-b030-5a985fd7d004',
			flowId,
			status: 'success',
			inputRecordCount: 100,
			outputRecordCount: 99,
			failedRecordCount: 1,
			startedAt: new Date(1596656058198).toISOString(),
			completedAt: new Date(1596656113306).toISOString(),
			durationSeconds: 55.108,
			errors: [{ code: 'CONNECTOR-2001-500', message: 'Error occurred at promotion activity.' }],
		};
		const many = await against([{ method: 'GET', path: /^\/runs$/, answers: [fixture.response] }], { resource: 'run', operation: 'getMany', dataflow: byId(flowId), returnAll: true });
		expectDocumentedRequest(many.requests[0], fixture);
		expect(many.requests[0].query.getAll('property')).toEqual([`flowId==${flowId}`]);
		expect(many.out.map((o) => o.json)).toEqual([expect.objectContaining(expected)]);
		const waited = await against([{ method: 'GET', path: /^\/runs$/, answers: [fixture.response] }], { resource: 'run', operation: 'wait', dataflow: byId(flowId) });
		expectDocumentedRequest(waited.requests[0], fixture);
		expect(waited.out[0].json).toMatchObject(expected);
	});
});
