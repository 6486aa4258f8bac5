/**
 * The README's Custom folder route: the pinned real n8n started with N8N_CUSTOM_EXTENSIONS=<repo>/dist,
 * as a user who builds the repository does. n8n names the node `CUSTOM.adobeFlowService` there, so the
 * examples as they are (`n8n-nodes-adobe-flow-service.adobeFlowService`) do not run; the copies
 * `npm run examples:custom` writes, imported with n8n's own CLI as the script says, do.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Stack } from '../../emulator/stack';
import { startStack } from '../../emulator/stack';
import { CUSTOM_PREFIX, ensureBuilt, ensureN8n, exampleCredentials, exampleFiles, itemsOf, N8nInstance, PACKAGE_PREFIX, ROOT } from '../../support/n8n';
import { API_KEY, ORG, TOKEN } from '../../support/harness';

jest.setTimeout(300_000);

const EXPLORE = 'greenplum-create-and-explore.json';
type Workflow = { id: string; name: string; nodes: Array<{ name: string; type: string; credentials?: unknown }> };
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Workflow;

let stack: Stack;
let n8n: N8nInstance;
let written: string;

beforeAll(async () => {
	ensureBuilt();
	ensureN8n();
	written = mkdtempSync(join(tmpdir(), 'flow-service-custom-examples-'));
	// The npm script, as the README gives it.
	const script = spawnSync('npm', ['run', '--silent', 'examples:custom', '--', written], { cwd: ROOT, encoding: 'utf8' });
	expect([script.status, script.stderr]).toEqual([0, '']);
	expect(script.stdout).toContain(`n8n import:workflow --separate --input=${written}`);
	stack = await startStack({ tokens: [TOKEN], apiKeys: [API_KEY] });
	n8n = new N8nInstance(join(ROOT, 'dist'));
	await n8n.importCredentials(exampleCredentials(stack, { token: TOKEN, apiKey: API_KEY, imsOrgId: ORG }));
}, 900_000);

afterAll(async () => {
	await n8n?.stop();
	n8n?.dispose();
	await stack?.close();
	if (written) rmSync(written, { recursive: true, force: true });
});

test('a copy of every example; only the node types differ, the credentials are the same', () => {
	for (const file of exampleFiles()) {
		const original = read(join(ROOT, 'examples', file));
		const copy = read(join(written, file));
		expect(copy.nodes.filter((node) => node.type.startsWith(PACKAGE_PREFIX))).toEqual([]);
		expect(copy.nodes.some((node) => node.type === `${CUSTOM_PREFIX}adobeFlowService`)).toBe(true);
		const asInstalled = copy.nodes.map((node) => ({ ...node, type: node.type.replace(CUSTOM_PREFIX, PACKAGE_PREFIX) }));
		expect({ ...copy, nodes: asInstalled }).toEqual(original);
	}
});

test('n8n started with N8N_CUSTOM_EXTENSIONS knows the node as CUSTOM.adobeFlowService, not by the package name', async () => {
	const url = await n8n.start();
	try {
		const headers = { 'content-type': 'application/json', 'browser-id': 'flow-service-custom-test' };
		const setup = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers, body: JSON.stringify({ email: 'owner@example.com', firstName: 'Ada', lastName: 'Owner', password: 'Owner-pass-1' }) });
		expect(setup.status).toBe(200);
		const cookie = setup.headers.get('set-cookie')!.split(';')[0];
		const types = (await (await fetch(`${url}/types/nodes.json`, { headers: { ...headers, cookie } })).json()) as Array<{ name: string }>;
		const ours = types.map((type) => type.name).filter((name) => /adobeFlowService/.test(name));
		expect(ours).toContain(`${CUSTOM_PREFIX}adobeFlowService`);
		expect(ours.filter((name) => name.startsWith(PACKAGE_PREFIX))).toEqual([]);
	} finally {
		await n8n.stop();
	}
});

test('the explore example as the repository has it does not run there: n8n does not know its node type', async () => {
	const original = read(join(ROOT, 'examples', EXPLORE));
	const imported = await n8n.cli(['import:workflow', `--input=${join(ROOT, 'examples', EXPLORE)}`]);
	expect(imported.exitCode).toBe(0);
	const run = await n8n.execute(original.id);
	expect(run.result?.status).not.toBe('success');
	expect(run.output).toContain(`Unrecognized node type: ${PACKAGE_PREFIX}adobeFlowService`);
});

test('the rewritten explore example, imported with n8n import:workflow, runs green', async () => {
	const imported = await n8n.cli(['import:workflow', '--separate', `--input=${written}`]);
	expect(imported.exitCode).toBe(0);
	const run = await n8n.execute(read(join(written, EXPLORE)).id);
	if (run.exitCode !== 0 || run.result?.status !== 'success') throw new Error(`The execution did not succeed (exit ${run.exitCode}):\n${run.output.slice(-3000)}`);
	expect(itemsOf(run.result, 'List Tables').map((table) => table.json.name)).toEqual(expect.arrayContaining(['sales.customers', 'sales.orders', 'public.events']));
	expect(itemsOf(run.result, 'Preview Rows').length).toBeGreaterThan(0);
});
