/**
 * The editor as a new user meets it: the pinned n8n with our package installed as from npm, Debian's
 * Chromium, the emulator with 500 connections and the embedded database. One user's path, in order:
 * owner setup, credentials (found by "Adobe", tested pass and fail), a workflow built in the canvas,
 * the Create panel per connector, a Create run with the database login from an n8n credential,
 * From List finding the 500th connection, and the pipeline: a target connection to a dataset picked
 * From List, Mapping's fields, a dataflow's pickers (Mapping, Incremental Column, Run Now's
 * dataflows, Update's Mapping in Update Fields); then the AI Agent with our tool and its Allow
 * Changes. Screenshots go to test-results/ui/ (UI_SCREENSHOTS=dir writes those the docs show
 * elsewhere, e.g. docs/images/ for the README and docs/). Where Chromium is not installed, every test is skipped and the run
 * says so (`SKIPPED:`); under CI=true the file fails instead.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Browser, Locator, Page } from 'playwright-core';

import { CRM_TO_AEP } from '../../emulator/pipeline/flows';
import type { Stack } from '../../emulator/stack';
import { startStack } from '../../emulator/stack';
import { chromiumInstalled, launchChromium } from '../../support/browser';
import { API_KEY, ORG, TOKEN } from '../../support/harness';
import { byAi, toolNode } from '../../support/agentTools';
import { ensureBuilt, ensureN8n, loadExample, N8nInstance, PACKAGE_PREFIX, ROOT } from '../../support/n8n';
import { requiring } from '../../support/needs';

/** Every `test` in this file: jest's where Chromium is installed, `test.skip` (and no hook) where not. */
const { test } = requiring("n8n's editor in Chromium (test:ui)", chromiumInstalled());

jest.setTimeout(180_000);

const RESULTS = resolve(ROOT, 'test-results', 'ui');
/** Where the named screenshots the docs show go: test-results/ui/, or UI_SCREENSHOTS (docs/images/ for the README). */
const SHOTS = resolve(ROOT, process.env.UI_SCREENSHOTS ?? RESULTS);
/** The screenshots README.md and docs/*.md show (`images/<name>.png`): the others stay in test-results/ui/. */
const SHOWN = new Set(
	[join(ROOT, 'README.md'), ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'docs', f))].flatMap((file) =>
		[...readFileSync(file, 'utf8').matchAll(/images\/([\w-]+)\.png/g)].map((m) => m[1]),
	),
);
const NODE = 'Adobe Experience Platform Flow Service';
/** Headers of a call straight to the emulator's Flow Service, for what a test sets up without the editor. */
const PLATFORM_HEADERS = { Authorization: `Bearer ${TOKEN}`, 'x-api-key': API_KEY, 'x-gw-ims-org-id': ORG, 'x-sandbox-name': 'prod', 'Content-Type': 'application/json' };
const CREDENTIALS = {
	token: 'Adobe Experience Platform Flow Service API',
	serverToServer: 'Adobe Experience Platform Flow Service OAuth Server-to-Server API',
	database: 'Adobe Experience Platform Source Database API',
};

let stack: Stack;
let n8n: N8nInstance;
let browser: Browser;
let page: Page;
let url: string;

beforeAll(async () => {
	ensureBuilt();
	ensureN8n();
	mkdirSync(SHOTS, { recursive: true });
	mkdirSync(RESULTS, { recursive: true });
	stack = await startStack({ tokens: [TOKEN], apiKeys: [API_KEY] });
	stack.emulator.seedConnections(ORG, 'prod', 500, (i) => ({ name: `Warehouse ${i + 1}` }));
	n8n = new N8nInstance(null);
	n8n.installPackage();
	url = await n8n.start();
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.setDefaultTimeout(20_000);
}, 900_000);

// Where each test left the page: what to look at when one fails.
let step = 0;
afterEach(async () => {
	step++;
	await page?.screenshot({ path: join(RESULTS, `step-${step}.png`) }).catch(() => undefined);
});

afterAll(async () => {
	await browser?.close();
	await n8n?.stop();
	n8n?.dispose();
	await stack?.close();
});

const shot = async (name: string, target: Page | Locator = page) => await target.screenshot({ path: join(SHOWN.has(name) ? SHOTS : RESULTS, `${name}.png`) });
const ndv = () => page.locator('[data-test-id=ndv]');
const dialog = () => page.locator('[data-test-id=credential-edit-dialog]');
/** A credential field's input, by its label. */
const credentialField = (label: string) => dialog().locator('[data-test-id=credential-connection-parameter]', { hasText: label }).locator('input').first();
/** Names of the node parameters shown in the open node, in order. */
async function shownParameters(): Promise<string[]> {
	const ids = await ndv().locator('[data-test-id^="parameter-input-"]:visible').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-test-id')!));
	return ids.map((id) => id.slice('parameter-input-'.length)).filter((name) => name !== 'field');
}
async function choose(parameter: string, option: string): Promise<void> {
	await ndv().locator(`[data-test-id=parameter-input-${parameter}]`).click();
	await page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^${option}`) }).first().click();
	await page.waitForTimeout(300);
}
/** Opens the node creator from a place in the canvas; returns its search box. */
async function openNodeCreator(from: Locator): Promise<Locator> {
	await from.click();
	return page.locator('[data-test-id=node-creator-search-bar] input, input[placeholder^="Search"]').first();
}
/** The "+" on the output of the last node: a node added there is connected to it. */
const lastOutputPlus = () => page.locator('[data-test-id=canvas-handle-plus]:visible').last();
const creatorItems = () => page.locator('[data-test-id=item-iterator-item]:visible');
/** A resource locator's input in the open node, by its parameter's name, and the entries of the open list. */
const locator = (name: string) => ndv().locator(`[data-test-id=resource-locator-${name}] [data-test-id=rlc-input]`);
const items = () => page.locator('[data-test-id=rlc-item]:visible');
/** Adds our node after the last node of the canvas with this action, opened, its Flow Service credential chosen. */
async function addOurNode(action: string): Promise<void> {
	const search = await openNodeCreator(lastOutputPlus());
	await search.fill('Adobe');
	await creatorItems().filter({ hasText: NODE }).first().click();
	await creatorItems().filter({ hasText: action }).first().click();
	await ndv().waitFor();
	await pickFlowServiceCredential();
}
/** Chooses the Flow Service credential in the open node (n8n does not choose it by itself here). */
async function pickFlowServiceCredential(): Promise<void> {
	const select = ndv().locator('[data-test-id=node-credentials-select]').first().locator('input').first();
	if ((await select.inputValue()) === 'Adobe Experience Platform Flow Service account') return;
	await select.click();
	await page.locator('.el-select-dropdown__item:visible', { hasText: 'Adobe Experience Platform Flow Service account' }).first().click();
}
/** Saves the open credential, which runs its test, and waits for the test's verdict. */
async function saveCredential(outcome: 'passes' | 'fails'): Promise<void> {
	await page.click('[data-test-id=credential-save-button]');
	await dialog().getByText(outcome === 'passes' ? 'Connection tested successfully' : /Couldn.t connect with these settings/).waitFor();
}
/** Closes the open node with its close button, back to the canvas, and fits the canvas to the window. */
async function closeNode(): Promise<void> {
	await page.locator('[data-test-id=ndv-close-button]:visible, [data-test-id=back-to-canvas]:visible').first().click({ force: true });
	await page.waitForTimeout(300);
	await page.locator('[data-test-id=zoom-to-fit]:visible').first().click();
	await page.waitForTimeout(300);
}
/** A call to the editor's own REST API from the page: its session cookie and the browser id n8n pairs it with. */
async function rest<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
	return await page.evaluate(
		async ([method, path, body]) => {
			const { localStorage } = globalThis as unknown as { localStorage: { getItem(key: string): string | null } };
			const headers = { 'browser-id': localStorage.getItem('n8n-browserId') ?? '', 'content-type': 'application/json' };
			const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
			if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
			return ((await response.json()) as { data: T }).data;
		},
		[method, path, body] as const,
	);
}
/** Saves a workflow through the editor's REST API and opens it on the canvas, the nodes drawn. */
async function openSavedWorkflow(workflow: { name: string; nodes: object[]; connections: object }): Promise<void> {
	const saved = await rest<{ id: string }>('POST', '/rest/workflows', { ...workflow, settings: { executionOrder: 'v1' } });
	await page.goto(`${url}/workflow/${saved.id}`);
	await page.locator('[data-test-id=canvas-node]').first().waitFor();
}
/** Opens a node of the canvas by its name. */
async function openNode(name: string): Promise<void> {
	await page.locator('[data-test-id=canvas-node]', { hasText: name }).first().dblclick();
	await ndv().waitFor();
}
async function newCredential(displayName: string): Promise<void> {
	await page.goto(`${url}/home/credentials/create`);
	await page.fill('input[placeholder="Search for app..."]', displayName);
	await page.locator('[data-test-id=new-credential-type-select-option]:visible', { hasText: displayName }).first().click();
	await page.click('[data-test-id=new-credential-type-button]');
	await dialog().waitFor();
}

test('owner setup', async () => {
	await page.goto(`${url}/setup`);
	await page.fill('input[name=email]', 'owner@example.com');
	await page.fill('input[name=firstName]', 'Ada');
	await page.fill('input[name=lastName]', 'Owner');
	await page.fill('input[name=password]', 'Owner-pass-1');
	await page.click('[data-test-id=form-submit-button]');
	await page.waitForURL(/\/home\//);
});

test('Credentials → Add new: searching "Adobe" finds both Flow Service credentials and the database login', async () => {
	await page.goto(`${url}/home/credentials/create`);
	await page.fill('input[placeholder="Search for app..."]', 'Adobe');
	await page.locator('[data-test-id=new-credential-type-select-option]:visible', { hasText: CREDENTIALS.database }).waitFor();
	const options = await page.locator('[data-test-id=new-credential-type-select-option]:visible').allInnerTexts();
	expect(options.map((o) => o.trim())).toEqual(expect.arrayContaining(Object.values(CREDENTIALS)));
	await shot('credential-search');
});

test('Flow Service API credential: a wrong token fails saying why; the right one passes', async () => {
	await newCredential(CREDENTIALS.token);
	const labels = (await dialog().locator('[data-test-id=credential-connection-parameter]').allInnerTexts()).map((l) => l.split('\n')[0].replace(/\s*\*$/, ''));
	expect(labels).toEqual(expect.arrayContaining(['Access Token', 'API Key (Client ID)', 'IMS Org ID', 'Sandbox Name', 'Base URL']));
	await credentialField('Access Token').fill('expired-token');
	await credentialField('API Key').fill(API_KEY);
	await credentialField('IMS Org ID').fill(ORG);
	await credentialField('Base URL').fill(stack.emulator.url);
	await saveCredential('fails');
	await dialog().getByText('More details').click();
	await dialog().getByText(/expire after 24 hours/).waitFor();
	expect(await dialog().innerText()).toContain(`"${CREDENTIALS.serverToServer}"`);
	await shot('credential-token-refused');
	await credentialField('Access Token').fill(TOKEN);
	await saveCredential('passes');
	await page.keyboard.press('Escape');
});

test('Source Database credential: each Login Input shows its own fields and none of the others; tested for the connectors it fits', async () => {
	await newCredential(CREDENTIALS.database);
	const labels = async () => (await dialog().locator('[data-test-id=credential-connection-parameter]').allInnerTexts()).map((l) => l.split('\n')[0].replace(/\s*\*$/, ''));
	const kinds: Array<[string, string[]]> = [
		['Access Token', ['Database', 'Access Token']],
		['Key Pair', ['Database', 'Username', 'Private Key', 'Private Key Passphrase']],
		['Service Principal Key', ['Host', 'Database', 'Service Principal Key']],
		['OAuth Refresh Token', ['Client Secret', 'Refresh Token']],
		['Service Account Key File', ['Key File Content']],
		['Account Key', ['Account Key']],
		['Other Secrets', ['Other Secrets']],
		['Whole Connection String', ['Connection String']],
		['Username and Password', ['Host', 'Port', 'Database', 'Username', 'Password']],
	];
	expect(await labels()).toEqual(['Login Input', 'Host', 'Port', 'Database', 'Username', 'Password']);
	for (const [kind, fields] of kinds) {
		await dialog().locator('[data-test-id=credential-connection-parameter]', { hasText: 'Login Input' }).locator('input').first().click();
		await page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^${kind}`) }).first().click();
		await page.waitForTimeout(200);
		expect([kind, await labels()]).toEqual([kind, ['Login Input', ...fields]]);
	}
	const { login, port } = stack.database;
	await credentialField('Host').fill('127.0.0.1');
	await credentialField('Port').fill('70000');
	await credentialField('Database').fill(login.database);
	await credentialField('Username').fill(login.username);
	await credentialField('Password').fill(login.password);
	await saveCredential('fails');
	await dialog().getByText('More details').click();
	await dialog().getByText('Port in the Database Login credential must be a whole number between 1 and 65535').waitFor();
	await credentialField('Port').fill(String(port));
	await saveCredential('passes');
	await shot('credential-database-login');
	await page.keyboard.press('Escape');
});

test('a workflow built in the canvas: the node is found by the words users search for', async () => {
	await page.goto(`${url}/workflow/new`);
	const search = await openNodeCreator(page.locator('[data-test-id=canvas-add-button]'));
	await search.fill('manual');
	await creatorItems().first().waitFor();
	await page.keyboard.press('Enter');
	await page.locator('[data-test-id=canvas-trigger-node]').waitFor();
	const again = await openNodeCreator(lastOutputPlus());
	for (const words of ['Flow Service', 'AEP', 'GreenPlum', 'DB2', 'Oracle', 'Snowflake', 'Adobe']) {
		await again.fill(words);
		await creatorItems().filter({ hasText: NODE }).first().waitFor();
	}
	await creatorItems().filter({ hasText: NODE }).first().click();
	const actions = (await creatorItems().allInnerTexts()).map((a) => a.trim());
	expect(actions).toEqual(expect.arrayContaining(['Create a connection', 'Get a connection', 'Test a connection', 'List the tables of a database', 'Preview the rows of a table']));
	await creatorItems().filter({ hasText: 'Create a connection' }).click();
	await ndv().waitFor();
});

test('Create: the database login from a credential by default; typed fields with a warning; DB2 adds its own', async () => {
	const credentialSelects = ndv().locator('[data-test-id=node-credentials-select]');
	// Resource and Operation stay in the panel: the database credential depends on neither.
	expect(await shownParameters()).toEqual(['resource', 'operation', 'connector', 'name', 'description', 'databaseLogin']);
	expect(await credentialSelects.count()).toBe(2);

	await choose('databaseLogin', 'Typed in This Node');
	expect(await shownParameters()).toEqual(['resource', 'operation', 'connector', 'name', 'description', 'databaseLogin', 'credentialsInput', 'host', 'port', 'database', 'username', 'password']);
	await ndv().getByText(/saved in the workflow as written/).waitFor();
	expect(await credentialSelects.count()).toBe(1);

	await choose('connector', 'IBM DB2');
	expect(await shownParameters()).toEqual(['resource', 'operation', 'connector', 'name', 'description', 'databaseLogin', 'host', 'port', 'database', 'authenticationType', 'username', 'password']);
	await ndv().getByText('The IBM DB2 source is in beta at Adobe').waitFor();
	await choose('databaseLogin', 'From the Source Database Credential');
	expect(await shownParameters()).toEqual(['resource', 'operation', 'connector', 'name', 'description', 'databaseLogin', 'authenticationType']);
	expect(await credentialSelects.count()).toBe(2);
	await choose('connector', 'GreenPlum');
	expect(await shownParameters()).toEqual(['resource', 'operation', 'connector', 'name', 'description', 'databaseLogin']);
});

test('Create runs with the login from the n8n credential: a new connection id out, no password in the workflow', async () => {
	const [platform, database] = [0, 1].map((i) => ndv().locator('[data-test-id=node-credentials-select]').nth(i).locator('input').first());
	// The one database login is chosen for a new node; the Flow Service credential is picked here.
	expect(await database.inputValue()).toBe('Adobe Experience Platform Source Database account');
	await pickFlowServiceCredential();
	expect(await platform.inputValue()).toBe('Adobe Experience Platform Flow Service account');
	await ndv().locator('[data-test-id=parameter-input-name] input').fill('Warehouse from the editor');
	await ndv().locator('[data-test-id=node-execute-button]').click();
	await ndv().locator('[data-test-id=node-run-status-success]').waitFor();
	await shot('create-output');
	await ndv().locator('[data-test-id=output-panel] [data-test-id=radio-button-json]').click();
	const created = stack.emulator.connections(ORG).find((c) => c.name === 'Warehouse from the editor')!;
	expect(created).toBeDefined();
	const panel = ndv().locator('[data-test-id=output-panel]');
	await panel.getByText(created.id).first().waitFor();
	const output = await panel.innerText();
	expect(output).toMatch(/"created":\s*true/);
	expect(output).toMatch(/"connector":\s*"GreenPlum"/);
	// The password reached the Platform from the credential...
	expect(created.auth.params.connectionString).toContain(`UID=${stack.database.login.username};PWD=${stack.database.login.password}`);
	// ...and is nowhere in the workflow n8n stored.
	await page.keyboard.press('Escape');
	await page.keyboard.press('Control+s');
	await page.waitForTimeout(1000);
	// The editor's own REST calls: the session cookie and the browser id n8n pairs it with.
	const stored = await page.evaluate(async () => {
		const { localStorage } = globalThis as unknown as { localStorage: { getItem(key: string): string | null } };
		const headers = { 'browser-id': localStorage.getItem('n8n-browserId') ?? '' };
		const list = (await (await fetch('/rest/workflows', { headers })).json()) as { data: Array<{ id: string }> };
		return await Promise.all(list.data.map(async ({ id }) => await (await fetch(`/rest/workflows/${id}`, { headers })).text()));
	});
	expect(stored.filter((w) => w.includes('Warehouse from the editor'))).toHaveLength(1);
	for (const workflow of stored) expect(workflow).not.toContain(stack.database.login.password);
	await shot('workflow');
});

test('a saved node opened again: its operation switched to Get Many and run, then back to Create with its fields', async () => {
	await page.reload();
	await page.locator('[data-test-id=canvas-node]', { hasText: 'Create a connection' }).first().dblclick();
	await ndv().waitFor();
	expect(await shownParameters()).toEqual(['resource', 'operation', 'connector', 'name', 'description', 'databaseLogin']);
	await choose('operation', 'Get Many');
	expect(await shownParameters()).toEqual(expect.arrayContaining(['resource', 'operation', 'returnAll']));
	expect(await ndv().locator('[data-test-id=node-credentials-select]').count()).toBe(1);
	await ndv().locator('[data-test-id=node-execute-button]').click();
	await ndv().locator('[data-test-id=node-run-status-success]').waitFor();
	await ndv().locator('[data-test-id=output-panel]').getByText(/\d+ items?/).first().waitFor();
	await choose('operation', 'Create');
	await choose('connector', 'IBM DB2');
	expect(await shownParameters()).toEqual(['resource', 'operation', 'connector', 'name', 'description', 'databaseLogin', 'authenticationType']);
	expect(await ndv().locator('[data-test-id=node-credentials-select]').count()).toBe(2);
	await shot('operation-switched');
	// Back as it was saved, so the workflow the next tests add to still runs: n8n dropped the name and
	// the database credential while the operation did not use them.
	await choose('connector', 'GreenPlum');
	await ndv().locator('[data-test-id=parameter-input-name] input').fill('Warehouse from the editor');
	const database = ndv().locator('[data-test-id=node-credentials-select]').nth(1).locator('input').first();
	if ((await database.inputValue()) !== 'Adobe Experience Platform Source Database account') {
		await database.click();
		await page.locator('.el-select-dropdown__item:visible', { hasText: 'Adobe Experience Platform Source Database account' }).first().click();
	}
	await ndv().locator('[data-test-id=node-execute-button]').click();
	await ndv().locator('[data-test-id=node-run-status-success]').waitFor();
	await ndv().locator('[data-test-id=output-panel]').getByText(/reused: left as it was/).first().waitFor();
	await closeNode();
});

test('From List searches the whole account: the 500th connection is found by name, with its connector', async () => {
	const search = await openNodeCreator(lastOutputPlus());
	await search.fill('Adobe');
	await creatorItems().filter({ hasText: NODE }).first().click();
	await creatorItems().filter({ hasText: 'Get a connection' }).first().click();
	await ndv().waitFor();
	await pickFlowServiceCredential();
	await ndv().locator('[data-test-id=rlc-input]').click();
	const list = page.locator('[data-test-id=rlc-item]:visible');
	await list.first().waitFor();
	expect(await list.count()).toBeLessThan(500);
	await page.locator('[data-test-id=rlc-search]:visible').fill('Warehouse 500');
	await page.locator('[data-test-id=rlc-item]:visible', { hasText: 'Warehouse 500 (' }).waitFor();
	expect(await list.allInnerTexts()).toEqual(['Warehouse 500 (IBM DB2)']);
	await shot('from-list-search');
});

test('the pipeline in the editor: a target connection’s dataset From List comes from Catalog; Mapping shows its fields per mode', async () => {
	// The Get node before it gets the connection it found, so that the workflow can run up to the new node.
	await page.locator('[data-test-id=rlc-item]:visible', { hasText: 'Warehouse 500 (' }).click();
	await closeNode();
	const search = await openNodeCreator(lastOutputPlus());
	await search.fill('Adobe');
	await creatorItems().filter({ hasText: NODE }).first().click();
	for (const action of ['Create a source connection', 'Create a mapping', 'Create a dataflow', 'Wait for a run of a dataflow to finish']) {
		await creatorItems().filter({ hasText: action }).first().waitFor();
	}
	await creatorItems().filter({ hasText: 'Create a target connection' }).first().click();
	await ndv().waitFor();
	await pickFlowServiceCredential();
	expect(await shownParameters()).toEqual(expect.arrayContaining(['name', 'description']));
	await ndv().locator('[data-test-id=rlc-input]').first().click();
	const dataset = page.locator('[data-test-id=rlc-item]:visible', { hasText: 'Sales customers (sample) (6019e0e7c5dcf718db5ebc71)' });
	await dataset.waitFor();
	await dataset.click();
	await ndv().locator('[data-test-id=parameter-input-name] input').fill('Customers dataset');
	await ndv().locator('[data-test-id=node-execute-button]').click();
	await ndv().locator('[data-test-id=node-run-status-success]').waitFor();
	await shot('target-connection-output');
	const [target] = [...stack.emulator.pipeline.connections.targets.bucket(ORG, 'prod').values()];
	expect(target).toMatchObject({ name: 'Customers dataset', params: { dataSetId: '6019e0e7c5dcf718db5ebc71' } });

	await closeNode();
	const again = await openNodeCreator(lastOutputPlus());
	await again.fill('Adobe');
	await creatorItems().filter({ hasText: NODE }).first().click();
	await creatorItems().filter({ hasText: 'Create a mapping' }).first().click();
	await ndv().waitFor();
	expect(await shownParameters()).toEqual(expect.arrayContaining(['mappingMode']));
	await ndv().getByText('Source Connection', { exact: true }).first().waitFor();
	await choose('mappingMode', 'Only the Pairs Below');
	expect(await ndv().getByText('Source Connection', { exact: true }).count()).toBe(0);
	await ndv().getByText('Add Pair').first().waitFor();
});

test('Create with Other (by Connection Spec): the spec From List, its auth spec\'s fields loaded, the secret left to the credential', async () => {
	await closeNode();
	const search = await openNodeCreator(lastOutputPlus());
	await search.fill('Adobe');
	await creatorItems().filter({ hasText: NODE }).first().click();
	await creatorItems().filter({ hasText: 'Create a connection' }).first().click();
	await ndv().waitFor();
	await pickFlowServiceCredential();
	await choose('connector', 'Oracle DB');
	await choose('auth_oracle', 'Basic Authentication \\(AWS\\)');
	await ndv().getByText('For Experience Platform on Amazon Web Services').waitFor();
	await choose('connector', 'Other');
	await ndv().locator('[data-test-id=rlc-input]').first().click();
	await page.locator('[data-test-id=rlc-search]:visible').fill('warehouse');
	await page.locator('[data-test-id=rlc-item]:visible', { hasText: 'emulator-warehouse' }).click();
	for (const field of ['host', 'port', 'warehouseDatabase', 'user', 'region', 'compress']) await ndv().getByText(field, { exact: true }).first().waitFor();
	expect(await ndv().getByText(/warehouseKey/).count()).toBe(0);
	await shot('create-other-connector');
	await choose('databaseLogin', 'Typed in This Node');
	await ndv().getByText('warehouseKey (secret)').first().waitFor();
});

test('Dataflow → Create: Mapping lists the mappings to the target’s schema, Incremental Column the table’s columns, hints under the fields; Run Now says why it lists nothing', async () => {
	// A source connection on the sample table, behind the connection the editor made; two mapping sets, one to another schema.
	const base = stack.emulator.connections(ORG).find((c) => c.name === 'Warehouse from the editor')!;
	const made = await fetch(`${stack.emulator.url}/data/foundation/flowservice/sourceConnections`, {
		method: 'POST',
		headers: PLATFORM_HEADERS,
		body: JSON.stringify({ name: 'Editor customers', baseConnectionId: base.id, data: { format: 'tabular' }, params: { tableName: 'sales.customers' }, connectionSpec: base.connectionSpec }),
	});
	expect(made.status).toBe(201);
	const [target] = [...stack.emulator.pipeline.connections.targets.bucket(ORG, 'prod').values()];
	const sets = stack.emulator.pipeline.mappingSets.sets.bucket(ORG, 'prod');
	const now = Date.now();
	const set = (id: string, schemaId: string, source: string, destination: string) =>
		sets.set(id, { id, version: 0, schemaId, outputSchemaId: id, mappings: [{ id: `${id}m`, sourceType: 'ATTRIBUTE', source, destination }], createdDate: now, modifiedDate: now, createdBy: 'ui', modifiedBy: 'ui' });
	set('a'.repeat(32), String((target.data as { schema: { id: string } }).schema.id), 'name', '_emulator.name');
	set('b'.repeat(32), 'https://ns.adobe.com/emulator/schemas/other', 'other_column', 'other.field');

	await closeNode();
	await addOurNode('Create a dataflow');
	const pick = async (name: string, text: string | RegExp) => {
		await locator(name).click();
		await items().filter({ hasText: text }).first().click();
		await page.waitForTimeout(300);
	};
	await pick('sourceConnection', 'Editor customers');
	await pick('targetConnection', 'Customers dataset');
	// Mapping is a picker now, and lists only the set of the target connection's schema.
	await locator('mappingId').click();
	await items().filter({ hasText: 'name → _emulator.name' }).first().waitFor();
	expect((await items().allInnerTexts()).map((t) => t.trim())).toEqual([expect.stringMatching(/^name → _emulator\.name · .* UTC$/)]);
	await items().first().click();
	await page.waitForTimeout(300);
	await locator('incrementalColumn').click();
	await items().first().waitFor();
	expect((await items().allInnerTexts())[0].trim()).toBe('created_at (date-time)');
	await items().first().click();
	await ndv().getByText(/It cannot be changed once it has passed/).waitFor();
	await ndv().getByText(/From List shows only the mappings to its dataset's schema/).waitFor();
	await shot('dataflow-pickers');

	await choose('operation', 'Run Now');
	await ndv().getByText(/Only a dataflow scheduled Once can be run on demand/).waitFor();
	await locator('dataflow').click();
	await page.locator('[data-test-id=rlc-error-container]:visible').getByText('No dataflow here is scheduled Once, the only kind Run Now can run').waitFor();
	await shot('run-now-list');
	await page.keyboard.press('Escape');
});

test('Dataflow → Update: Mapping added to Update Fields shows its locator, and From List lists the mapping sets of the dataflow\'s schema', async () => {
	// A dataflow from the source and target connections above, with the mapping set of the target's schema.
	const [source] = [...stack.emulator.pipeline.connections.sources.bucket(ORG, 'prod').values()].filter((c) => c.name === 'Editor customers');
	const [target] = [...stack.emulator.pipeline.connections.targets.bucket(ORG, 'prod').values()];
	const made = await fetch(`${stack.emulator.url}/data/foundation/flowservice/flows`, {
		method: 'POST',
		headers: PLATFORM_HEADERS,
		body: JSON.stringify({
			name: 'Editor dataflow',
			flowSpec: { id: CRM_TO_AEP.id, version: CRM_TO_AEP.version },
			sourceConnectionIds: [source.id],
			targetConnectionIds: [target.id],
			transformations: [{ name: 'Mapping', params: { mappingId: 'a'.repeat(32), mappingVersion: 0 } }],
			scheduleParams: { frequency: 'once', startTime: Math.floor(Date.now() / 1000) },
		}),
	});
	expect(made.status).toBe(201);

	// Run Now's list, which the last test left open, closed with its node.
	await closeNode();
	await addOurNode('Update a dataflow');
	await locator('dataflow').click();
	await items().filter({ hasText: 'Editor dataflow' }).first().click();
	await page.waitForTimeout(300);
	expect(await ndv().locator('[data-test-id=resource-locator-mappingId]').count()).toBe(0);
	// Update Fields → Add Field → Mapping: n8n draws the add button as a select or as a dropdown, by version.
	await ndv().locator('[data-test-id=collection-parameter-add]:visible, [data-test-id=collection-parameter-add-dropdown]:visible').first().click();
	await page.locator('.el-select-dropdown__item:visible, [data-test-id^=dropdown-option-]:visible').filter({ hasText: /^\s*Mapping\s*$/ }).first().click();
	await ndv().locator('[data-test-id=resource-locator-mappingId]').waitFor();
	await ndv().getByText(/From List shows only the mappings to the dataset's schema of the dataflow picked above/).waitFor();
	// From List: the set of the dataflow's schema, not the one of another schema.
	await locator('mappingId').click();
	await items().filter({ hasText: 'name → _emulator.name' }).first().waitFor();
	expect((await items().allInnerTexts()).map((t) => t.trim())).toEqual([expect.stringMatching(/^name → _emulator\.name · .* UTC$/)]);
	await items().first().click();
	await page.waitForTimeout(300);
	expect(await locator('mappingId').inputValue()).toMatch(/^name → _emulator\.name/);
	await shot('dataflow-update-mapping');
	await page.keyboard.press('Escape');
});

test('the nightly example on the canvas: every node of the pipeline known to the editor, none shown as unknown', async () => {
	const workflow = loadExample('nightly-table-to-dataset.json', {}, {}, true);
	// Saved as Import from File would, without its credentials (the user picks theirs).
	await openSavedWorkflow({ name: workflow.name, nodes: workflow.nodes.map(({ credentials: _, ...node }) => node), connections: (workflow as unknown as { connections: object }).connections });
	const nodes = page.locator('[data-test-id=canvas-node]');
	// Each Flow Service node drawn under its name, with the action the node's subtitle gives its operation.
	const ours = workflow.nodes.filter((n) => String(n.type).endsWith('.adobeFlowService'));
	expect(ours.length).toBeGreaterThan(5);
	for (const node of ours) await nodes.filter({ hasText: String(node.name) }).first().waitFor({ timeout: 10_000 });
	await nodes.filter({ hasText: 'Create a dataflow' }).first().waitFor();
	await page.keyboard.press('1');
	await page.waitForTimeout(800);
	await shot('nightly-pipeline');
});

test('the trigger: found by "Adobe", "AEP" and "Flow Service" among the triggers of a new workflow, with its fields', async () => {
	await page.goto(`${url}/workflow/new`);
	const search = await openNodeCreator(page.locator('[data-test-id=canvas-add-button]'));
	// As with n8n's own (Gmail and its trigger), the editor lists the package's node among the triggers
	// of a new workflow, and its trigger inside it.
	for (const words of ['Adobe', 'AEP', 'Flow Service']) {
		await search.fill(words);
		await creatorItems().filter({ hasText: NODE }).first().waitFor();
	}
	await creatorItems().filter({ hasText: NODE }).first().click();
	// Its Trigger On choices, as the editor lists a trigger's events.
	for (const event of ['On run failed', 'On run succeeded with failed records', 'On run succeeded', 'On run finished any']) await creatorItems().filter({ hasText: event }).first().waitFor();
	await creatorItems().filter({ hasText: 'On run failed' }).first().click();
	await ndv().waitFor();
	await ndv().getByText('Trigger On').first().waitFor();
	await ndv().getByText('Dataflows').first().waitFor();
	await shot('trigger');
	await page.keyboard.press('Escape');
});

describe('the agent with our tool', () => {
	const TOOL_TYPE = `${PACKAGE_PREFIX}adobeFlowServiceTool`;
	const canvasNodes = () => page.locator('[data-test-id=canvas-node]');
	/** What the model reads about the open tool: its Description field. */
	const toolDescription = async () => await ndv().locator('[data-test-id=parameter-input-toolDescription] textarea').inputValue();

	test('on the canvas: Chat Trigger → AI Agent with an OpenAI Chat Model and two Flow Service tools on its Tool input', async () => {
		const credentials = await rest<Array<{ id: string; name: string; type: string }>>('GET', '/rest/credentials');
		const flowService = credentials.find((c) => c.type === 'flowServiceApi')!;
		expect(flowService).toBeDefined();
		// The model is never called here: a key to make the node complete, as a user's would.
		const openAi = await rest<{ id: string; name: string }>('POST', '/rest/credentials', { name: 'OpenAI account', type: 'openAiApi', data: { apiKey: 'sk-editor-test' } });
		const tool = (name: string, position: [number, number], parameters: Record<string, unknown>) => ({
			...toolNode(name, position, parameters),
			type: TOOL_TYPE,
			credentials: { flowServiceApi: { id: flowService.id, name: flowService.name } },
		});
		await openSavedWorkflow({
			name: 'Agent with the Flow Service tool',
			nodes: [
				{ id: randomUUID(), name: 'When chat message received', type: '@n8n/n8n-nodes-langchain.chatTrigger', typeVersion: 1.1, position: [0, 0], webhookId: randomUUID(), parameters: { options: {} } },
				{ id: randomUUID(), name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3.1, position: [260, 0], parameters: { options: {} } },
				{
					id: randomUUID(),
					name: 'OpenAI Chat Model',
					type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
					typeVersion: 1.2,
					position: [140, 240],
					parameters: { model: { __rl: true, mode: 'list', value: 'gpt-4o-mini' }, options: {} },
					credentials: { openAiApi: { id: openAi.id, name: openAi.name } },
				},
				tool('List Tables', [340, 240], { resource: 'database', operation: 'listTables', connection: byAi('connectionId', 'The id of the connection whose database to explore') }),
				tool('Delete Connection', [520, 240], { resource: 'connection', operation: 'delete', connection: byAi('connectionId', 'The id of the connection to delete') }),
			],
			connections: {
				'When chat message received': { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
				'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
				'List Tables': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
				'Delete Connection': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
			},
		});
		for (const name of ['AI Agent', 'OpenAI Chat Model', 'List Tables', 'Delete Connection']) await canvasNodes().filter({ hasText: name }).first().waitFor({ timeout: 10_000 });
		// Drawn as a node the editor knows: no "install this node" in its place.
		expect(await page.getByText(/not currently installed|Install this node/i).count()).toBe(0);
		await page.keyboard.press('1');
		await page.waitForTimeout(800);
		await shot('agent-tool');
	});

	test('Allow Changes: in the tool for Connection → Delete, off; not for Database → List Tables', async () => {
		await openNode('Delete Connection');
		expect(await shownParameters()).toEqual(expect.arrayContaining(['resource', 'operation', 'allowChanges']));
		await ndv().getByText('Allow Changes', { exact: true }).first().waitFor();
		expect(await shownParameters()).not.toContain('dryRun');
		// Its description for the model, filled in for the operation.
		expect(await toolDescription()).toMatch(/^Adobe Experience Platform Flow Service: Delete a connection .* It changes the Platform, so it runs only where the tool allows changes\.$/);
		await closeNode();
		await openNode('List Tables');
		expect(await shownParameters()).toEqual(expect.arrayContaining(['resource', 'operation']));
		expect(await toolDescription()).toMatch(/^Adobe Experience Platform Flow Service: List the tables .* It only reads\.$/);
		expect(await shownParameters()).not.toContain('allowChanges');
		expect(await ndv().getByText('Allow Changes', { exact: true }).count()).toBe(0);
		await closeNode();
	});

	test('the plain node has no Allow Changes, even for Connection → Delete', async () => {
		await openSavedWorkflow({
			name: 'Plain delete',
			nodes: [
				{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: randomUUID(), name: 'Delete a Connection', type: `${PACKAGE_PREFIX}adobeFlowService`, typeVersion: 1, position: [240, 0], parameters: { authentication: 'accessToken', resource: 'connection', operation: 'delete' } },
			],
			connections: { Start: { main: [[{ node: 'Delete a Connection', type: 'main', index: 0 }]] } },
		});
		await openNode('Delete a Connection');
		expect(await shownParameters()).toEqual(expect.arrayContaining(['resource', 'operation']));
		expect(await shownParameters()).not.toContain('allowChanges');
		expect(await ndv().getByText('Allow Changes', { exact: true }).count()).toBe(0);
		expect(await shownParameters()).not.toContain('toolDescription');
		await page.keyboard.press('Escape');
	});
});
