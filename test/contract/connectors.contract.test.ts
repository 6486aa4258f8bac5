/**
 * Every documented database connector, held to the `POST /connections` bodies of its Adobe tutorial
 * (connectors/*.json, one file per tutorial): the node, given a connector and auth method, sends a body
 * of the documented shape — same keys and nesting, JSON types, specName, auth type and connection spec,
 * and a connection string in the documented pattern — and the emulator, which knows the connectors only
 * from its own data files, accepts each documented body as written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { CONNECTORS, findEntry } from '../../nodes/AdobeFlowService/connectors';
import { CredentialStore, runNode } from '../../support/runNode';
import { shapeOf } from './fixtures';
import type { Replay } from './replay';
import { startReplay } from './replay';
import { startStack } from '../../emulator/stack';

interface Example {
	auth: string;
	title: string;
	note?: string;
	inputs?: IDataObject;
	body: { name: string; description: string; auth: { specName: string; type?: string; params: Record<string, unknown> }; connectionSpec: { id: string; version: string } };
	response: { status: number; body: { id: string; etag: string } };
}

interface ConnectorFixture {
	source: { repo: string; path: string };
	connector: string;
	examples: Example[];
}

const DIRECTORY = join(__dirname, 'connectors');
const FILES: Array<[string, ConnectorFixture]> = readdirSync(DIRECTORY)
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map((file) => [file, JSON.parse(readFileSync(join(DIRECTORY, file), 'utf8')) as ConnectorFixture]);
const EXAMPLES = FILES.flatMap(([file, fixture]) => fixture.examples.map((example) => ({ file, connector: fixture.connector, ...example })));

/** What the test types into each field, where an example gives nothing of its own. */
const INPUTS: IDataObject = {
	host: 'db.example.com',
	port: 50000,
	database: 'sales',
	username: 'analyst',
	password: 's3cret',
	authenticationType: 'Basic',
	sid: 'ORCL',
	dbSchema: '',
	warehouse: 'COMPUTE_WH',
	account: 'acme-snowflake123',
	role: '',
	sslMode: 'Prefer',
	endpoint: 'https://acme.westeurope.kusto.windows.net',
	domain: 'https://adb-1234567890123456.7.azuredatabricks.net',
	clusterId: '0123-456789-abcde123',
	tenant: 'acme.onmicrosoft.com',
	servicePrincipalId: 'e7b8c1f2-1234-4c9a-9f3e-abcdef123456',
	project: 'acme-project',
	clientId: 'acme-client',
	largeResultsDataSetId: '',
	datasetId: '',
	httpPath: '/hbasephoenix0',
	enableSsl: false,
	accountName: 'acmestorage',
	servicePrincipalKey: 'sp-key',
	accessToken: 'dapi-token',
	clientSecret: 'client-secret',
	refreshToken: 'refresh-token',
	keyFileContent: 'eyJ0eXBlIjoic2VydmljZV9hY2NvdW50In0=',
	privateKey: 'TUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFFRkFBU0NCS2N3Z2dTakFnRUFBb0lCQVFD',
	privateKeyPassphrase: '',
	accountKey: 'a2V5',
};

/** A documented connection string as a pattern: each `{PLACEHOLDER}` stands for one value; a last `;` is optional. */
export function documentedPattern(documented: string): RegExp {
	const parts = documented.replace(/;$/, '').split(/\{[A-Z][A-Z0-9_ ]*\}/);
	return new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.+?)')};?$`);
}

let replay: Replay | undefined;
afterEach(async () => {
	await replay?.close();
	replay = undefined;
});

describe('the node sends each documented body', () => {
	test('every connector of the node has a tutorial file here, and every example names one of its auth methods', () => {
		expect(FILES.map(([, fixture]) => fixture.connector).sort()).toEqual(CONNECTORS.map((c) => c.key).sort());
		for (const example of EXAMPLES) expect(findEntry(example.connector)?.auths.map((m) => m.key)).toContain(example.auth);
		// Each auth method of each connector is held to at least one documented body.
		for (const entry of CONNECTORS) for (const method of entry.auths) expect(EXAMPLES.some((e) => e.connector === entry.key && e.auth === method.key)).toBe(true);
	});

	test.each(EXAMPLES.map((e) => [`${e.file}: ${e.title}`, e] as const))('%s', async (_, example) => {
		replay = await startReplay([{ method: 'POST', path: /^\/connections$/, answers: [example.response] }]);
		const credentials = new CredentialStore();
		credentials.set('flowServiceApi', { accessToken: 'doc-token', apiKey: 'doc-client', imsOrgId: 'C0FFEE00000000000000000A@AdobeOrg', sandboxName: 'prod', baseUrl: replay.url });
		// An input of null: the field is not typed, so it keeps the node's default.
		const typed = Object.entries({ ...INPUTS, ...(example.inputs ?? {}) }).filter(([, value]) => value !== null);
		const out = await runNode({
			credentials,
			parameters: {
				resource: 'connection',
				operation: 'create',
				connector: example.connector,
				[`auth_${example.connector}`]: example.auth,
				databaseLogin: 'node',
				name: example.body.name,
				description: example.body.description,
				...Object.fromEntries(typed),
				options: { ifExists: 'create' },
			},
		});
		expect(replay.requests).toHaveLength(1);
		const sent = replay.requests[0].body as Example['body'];
		const documented = example.body;
		expect(shapeOf(sent)).toEqual(shapeOf(documented));
		expect(sent.auth.specName).toBe(documented.auth.specName);
		expect(sent.auth.type).toBe(documented.auth.type);
		expect(sent.connectionSpec).toEqual(documented.connectionSpec);
		for (const [param, value] of Object.entries(documented.auth.params)) {
			if (param === 'connectionString') expect(sent.auth.params[param]).toMatch(documentedPattern(value as string));
		}
		expect(out[0].json).toMatchObject({ ...example.response.body, connectionSpecId: documented.connectionSpec.id, created: true });
	});
});

describe('the emulator, from its own data files', () => {
	let stack: Awaited<ReturnType<typeof startStack>>;
	beforeAll(async () => {
		stack = await startStack();
	}, 60_000);
	afterAll(async () => {
		await stack.close();
	});
	const post = async (body: unknown) => {
		const response = await fetch(`${stack.emulator.flowServiceUrl}/connections`, {
			method: 'POST',
			headers: { Authorization: 'Bearer emulator-token', 'x-api-key': 'emulator-client', 'x-gw-ims-org-id': 'C0FFEE00000000000000000A@AdobeOrg', 'x-sandbox-name': 'prod', 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as IDataObject };
	};

	test.each(EXAMPLES.map((e) => [`${e.file}: ${e.title}`, e] as const))('accepts %s as written', async (_, example) => {
		expect(await post(example.body)).toMatchObject({ status: 201, body: { id: expect.any(String), etag: expect.any(String) } });
	});

	test.each([
		['a quoted value with text after its brace', 'HOST=h;PORT=1;DB=d;UID=u;PWD={a;b}x'],
		['an unclosed brace', 'HOST=h;PORT=1;DB=d;UID=u;PWD={ab'],
		['a key given twice', 'HOST=h;PORT=1;DB=d;UID=u;PWD=p;uid=v'],
		['a documented key missing', 'HOST=h;PORT=1;DB=d;UID=u'],
	])('still refuses %s', async (_, connectionString) => {
		const answer = await post({ name: 'bad', auth: { specName: 'Basic Authentication', params: { connectionString } }, connectionSpec: { id: '37b6bf40-d318-4655-90be-5cd6f65d334b', version: '1.0' } });
		expect(answer).toMatchObject({ status: 400, body: { type: expect.stringMatching(/FLOW-1304-400$/) } });
	});

	test('refuses a MariaDB Basic body without sslMode, which its page does not call optional', async () => {
		const documented = EXAMPLES.find((e) => e.file === 'mariadb.json' && e.auth === 'basic')!.body;
		const { sslMode, ...params } = documented.auth.params;
		expect(sslMode).toBeDefined();
		const answer = await post({ ...documented, auth: { ...documented.auth, params } });
		expect(answer).toMatchObject({ status: 400, body: { type: expect.stringMatching(/FLOW-1304-400$/) } });
		expect(JSON.stringify(answer.body)).toContain('The mandatory field auth.params.sslMode is not provided');
	});
});
