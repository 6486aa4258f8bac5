/**
 * `npm run compat`: the packed package in every n8n version we support, installed the way users
 * install it. For each version (its own folder and lockfile under pinned/, the one the tests use in
 * pinned/n8n-2.8.4/), it installs that n8n once, then:
 * - installs the tarball the way n8n's Community Nodes installer does, runs the example workflows
 *   "create a GreenPlum connection and explore it" and "nightly: database table → AEP dataset" (twice:
 *   the second run reuses what the first made) against the emulator, and tests the access-token
 *   credential through n8n's REST API with a refused token and a good one;
 * - finds the tool variant n8n makes of our node (`adobeFlowServiceTool`) among the node types the
 *   editor loads, with its ai_tool output and its Allow Changes off;
 * - where that n8n has an AI Agent node that runs it (Target.agent), runs two of the agent scenarios of
 *   test/e2e/agent.e2e.test.ts with the fake OpenAI-compatible model: the agent lists the tables behind
 *   a connection, and a delete with Allow Changes off sends nothing;
 * - installs it a second time with a plain `npm install <tarball>` in the community-node folder, and
 *   runs the explore workflow again.
 * Prints a matrix; exits non-zero when a cell failed. `npm run compat -- 2.41.1` runs one version.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

import { startStack } from '../emulator/stack';
import type { Stack } from '../emulator/stack';
import { API_KEY, ORG, TOKEN } from '../support/account';
import type { AgentNodes, AgentSetup } from '../support/agentTools';
import { DELETE_REFUSED, deleteTool, fakeOpenAiCredential, finalAnswer, FLOW_CREDENTIAL, flowServiceCredential, LIST_TABLES, PINNED_AGENT_NODES, runAgent } from '../support/agentTools';
import type { FakeOpenAi } from '../support/fakeOpenAi';
import { startFakeOpenAi } from '../support/fakeOpenAi';
import type { InstallWay, N8nRuntime, RestCall } from '../support/n8n';
import { ensureBuilt, ensureN8n, installFromLockfile, isInstalled, itemsOf, loadExample, N8nInstance, n8nVersion, PACKAGE_PREFIX, packTarball, restSession, ROOT, run, RUNTIME } from '../support/n8n';

const COMPAT = join(ROOT, 'pinned');
const CREDENTIAL = FLOW_CREDENTIAL.id;
const REFUSED = 'aepFlowSvcRefused';
const WRONG_KEY = 'aepFlowSvcWrongKey';
const OLD_CLIENT_ID = 'aepFlowSvcOldKey';
const say = (line = '') => process.stdout.write(`${line}\n`);

interface Target {
	/** The folder with its package.json and lockfile. */
	folder: string;
	/** The Node.js major it runs on: the one running this script, or one installed from npm (pinned/node-<major>). */
	node: 'current' | '24';
	/** The AI Agent and OpenAI Chat Model versions the agent scenarios use there, or why they do not run. */
	agent: AgentNodes | string;
}

const TARGETS: Target[] = [
	// Its AI Agent goes up to 3 (3.1 came in 2.x).
	{ folder: join(COMPAT, 'n8n-1.123.50'), node: 'current', agent: { agent: 3, model: 1.2 } },
	{ folder: RUNTIME, node: 'current', agent: PINNED_AGENT_NODES },
	{ folder: join(COMPAT, 'n8n-2.41.1'), node: '24', agent: PINNED_AGENT_NODES },
];

interface NodeJs {
	executable: string;
	/** Its headers, for native modules built against it. */
	nodedir?: string;
}

/** Node.js of that major: this one, or the `node` npm package's binary (with its headers) from pinned/node-<major>. */
function nodeJs(major: Target['node']): NodeJs {
	if (major === 'current') return { executable: process.execPath };
	const folder = join(COMPAT, `node-${major}`);
	const executable = join(folder, 'node_modules', 'node', 'bin', 'node');
	if (!existsSync(executable)) run('npm', ['ci', '--ignore-scripts=false', '--no-audit', '--no-fund', '--loglevel=error'], folder);
	const nodedir = join(folder, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
	return { executable, nodedir: existsSync(join(nodedir, 'include', 'node', 'node.h')) ? nodedir : undefined };
}

/**
 * Installs the n8n the folder's lockfile names, unless it is there. On a Node.js other than this
 * one, npm must not build native modules against this one: install without scripts, then build
 * the one n8n needs to start (sqlite3) against the other's headers.
 */
function ensureInstalled(target: Target, node: NodeJs): number {
	if (target.folder === RUNTIME) {
		if (isInstalled(RUNTIME)) return 0;
		const started = Date.now();
		ensureN8n(say);
		return Date.now() - started;
	}
	const sqlite = join(target.folder, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	if (isInstalled(target.folder) && (target.node === 'current' || existsSync(sqlite))) return 0;
	const started = Date.now();
	say(`Installing n8n ${n8nVersion(target.folder)} into ${target.folder.slice(ROOT.length + 1)}/ (once; several minutes)...`);
	if (target.node === 'current') {
		installFromLockfile(target.folder);
	} else {
		installFromLockfile(target.folder, ['--ignore-scripts']);
		const env = { ...process.env, PATH: `${dirname(node.executable)}${delimiter}${process.env.PATH ?? ''}`, ...(node.nodedir ? { npm_config_nodedir: node.nodedir } : {}) };
		run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], target.folder, env);
	}
	return Date.now() - started;
}

interface Cell {
	ok: boolean;
	/** What the cell shows: a time, or why it failed. */
	text: string;
}

interface Row {
	n8n: string;
	node: string;
	install: string;
	cells: Record<string, Cell>;
}

const COLUMNS = ['n8n-workflow names', 'installer: loads', 'explore', 'nightly ×2', 'credential test', 'clientId credential', 'tool variant', 'agent: list tables', 'agent: delete refused', 'npm install <tgz>'] as const;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs one step into one cell: its time when it passes, its first line of failure when it does not. */
async function cell(row: Row, column: (typeof COLUMNS)[number], step: () => Promise<string | void>): Promise<boolean> {
	const started = Date.now();
	try {
		const note = await step();
		row.cells[column] = { ok: true, text: `✓ ${seconds(Date.now() - started)}${note ? ` ${note}` : ''}` };
		return true;
	} catch (error) {
		const message = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 160);
		row.cells[column] = { ok: false, text: `✗ ${message}` };
		say(`  ${column}: ${error instanceof Error ? error.message : String(error)}`);
		return false;
	}
}

function credentials(stack: Stack) {
	const platform = { apiKey: API_KEY, imsOrgId: ORG, sandboxName: 'prod', baseUrl: stack.emulator.url };
	return [
		flowServiceCredential(stack),
		{ id: REFUSED, name: 'Expired token', type: 'flowServiceApi', data: { accessToken: 'expired-token', ...platform } },
		{ id: WRONG_KEY, name: 'Another project', type: 'flowServiceApi', data: { accessToken: TOKEN, ...platform, apiKey: 'another-project' } },
		// Saved when the API key field was called clientId: no apiKey.
		{ id: OLD_CLIENT_ID, name: 'Saved with clientId', type: 'flowServiceApi', data: { accessToken: TOKEN, clientId: API_KEY, imsOrgId: ORG, sandboxName: 'prod', baseUrl: stack.emulator.url } },
		{
			id: 'aepSourceDbLogin',
			name: 'Source database login',
			type: 'flowServiceDatabaseApi',
			data: { loginInput: 'fields', host: stack.database.host, port: String(stack.database.port), ...stack.database.login },
		},
	];
}

/** Runs an imported workflow; throws unless n8n says it succeeded. */
async function execute(n8n: N8nInstance, id: string) {
	const execution = await n8n.execute(id);
	if (execution.exitCode !== 0 || execution.result?.status !== 'success') {
		const error = execution.result?.data.resultData.error;
		const said = error ? `${error.message ?? ''} ${error.description ?? ''}`.trim() : execution.output.trim().split('\n').slice(-3).join(' ');
		throw new Error(`the workflow failed (exit ${execution.exitCode}): ${said}`);
	}
	return execution.result;
}

/** Every name the built code takes from n8n-workflow at run time (compiled `n8n_workflow_1.<name>`). */
function namesUsed(): string[] {
	const names = new Set<string>();
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.js')) for (const match of readFileSync(path, 'utf8').matchAll(/\bn8n_workflow_\d+\.([A-Za-z_$][\w$]*)/g)) names.add(match[1]);
		}
	};
	walk(join(ROOT, 'dist'));
	return [...names].sort();
}

/** The names the built code uses that this n8n's own n8n-workflow (the one our nodes get there) lacks. */
async function workflowNames(runtime: N8nRuntime): Promise<string> {
	const used = namesUsed();
	const script = `process.stdout.write(JSON.stringify(Object.keys(require(${JSON.stringify(join(runtime.folder, 'node_modules', 'n8n-workflow'))}))))`;
	const listed = spawnSync(runtime.node, ['-e', script], { encoding: 'utf8' });
	if (listed.status !== 0) throw new Error(`could not load its n8n-workflow: ${listed.stderr.trim().split('\n')[0]}`);
	const exported = new Set(JSON.parse(listed.stdout) as string[]);
	const missing = used.filter((name) => !exported.has(name));
	if (missing.length) throw new Error(`its n8n-workflow has no ${missing.join(', ')}`);
	return `(${used.length})`;
}

/** A fresh user folder with the package installed one way, the credentials (the fake model's too) and the example workflows imported. */
async function prepare(runtime: N8nRuntime, stack: Stack, fake: FakeOpenAi, tarball: string, way: InstallWay): Promise<N8nInstance> {
	const n8n = new N8nInstance(null, runtime);
	n8n.installPackage(tarball, way);
	await n8n.importCredentials([...credentials(stack), fakeOpenAiCredential(fake)]);
	for (const example of ['greenplum-create-and-explore.json', 'nightly-table-to-dataset.json']) await n8n.importWorkflow(loadExample(example, {}, {}, true));
	return n8n;
}

async function exploreWorkflow(n8n: N8nInstance): Promise<string> {
	const result = await execute(n8n, loadExample('greenplum-create-and-explore.json').id);
	const tables = itemsOf(result, 'List Tables').length;
	const rows = itemsOf(result, 'Preview Rows').length;
	if (!tables || !rows) throw new Error(`the workflow ran but found ${tables} tables and ${rows} rows`);
	return `(${tables} tables)`;
}

/** Starts n8n's server, runs `work` with its REST API (signed in as the owner), stops it. */
async function withServer<T>(n8n: N8nInstance, work: (call: RestCall) => Promise<T>): Promise<T> {
	const url = await n8n.start();
	try {
		return await work(await restSession(url));
	} finally {
		await n8n.stop();
	}
}

/** The access-token credential's test, as the editor runs it: a refused token and a wrong API key must say why; the good one must pass. */
async function credentialTest(n8n: N8nInstance, stack: Stack): Promise<string> {
	return await withServer(n8n, async (call) => {
		const test = async (id: string) => {
			const credential = credentials(stack).find((c) => c.id === id)!;
			return (await call('POST', '/credentials/test', { credentials: credential })) as { status: string; message: string };
		};
		for (const [id, why] of [
			[REFUSED, /expire after 24 hours/],
			[WRONG_KEY, /refused the API key/],
		] as const) {
			const refused = await test(id);
			if (refused.status !== 'Error' || !why.test(refused.message)) throw new Error(`${id} was answered ${refused.status}: "${refused.message}"`);
		}
		const accepted = await test(CREDENTIAL);
		if (accepted.status !== 'OK') throw new Error(`the good token was answered ${accepted.status}: "${accepted.message}"`);
		return '';
	});
}

/**
 * The tool variant n8n makes of our node, as the editor sees it: among the node types the editor
 * loads (/types/nodes.json) is `adobeFlowServiceTool`, with an ai_tool output and Allow Changes off.
 */
async function toolVariant(n8n: N8nInstance): Promise<string> {
	const name = `${PACKAGE_PREFIX}adobeFlowServiceTool`;
	const types = (await withServer(n8n, async (call) => {
		// Just after start-up n8n may still be writing the file (n8n 2.8 once served half of it): read it again.
		for (let attempt = 1; ; attempt++) {
			try {
				return await call.file('/types/nodes.json');
			} catch (error) {
				if (!(error instanceof SyntaxError) || attempt === 10) throw error;
				await new Promise((resolve) => setTimeout(resolve, 1000));
			}
		}
	})) as Array<{ name: string; outputs?: unknown; properties?: Array<{ name: string; default?: unknown }> }>;
	const tool = types.find((type) => type.name === name);
	if (!tool) throw new Error(`the editor's ${types.length} node types have no ${name}`);
	if (!JSON.stringify(tool.outputs ?? []).includes('ai_tool')) throw new Error(`its outputs are ${JSON.stringify(tool.outputs)}, with no ai_tool`);
	const allowChanges = tool.properties?.find((property) => property.name === 'allowChanges');
	if (allowChanges?.default !== false) throw new Error(`it has no Allow Changes off by default (${JSON.stringify(allowChanges)})`);
	return `(${tool.properties?.length ?? 0} parameters)`;
}

/** The agent lists the tables behind a connection: the emulator gets the explore request, the final answer holds a table. */
async function agentListsTables(setup: AgentSetup, nodes: AgentNodes): Promise<string> {
	const ran = await runAgent(setup, 'aepCompatAgent01', 'Which tables does the database behind my connection have?', LIST_TABLES, { connection: 'compat agent explore', nodes, prefix: PACKAGE_PREFIX });
	const answer = finalAnswer(ran.run);
	const offered = ran.asked[0]?.tools?.map((tool) => tool.function.name) ?? [];
	if (offered.join() !== 'AEP_Flow_Service') throw new Error(`the model was offered ${JSON.stringify(offered)}`);
	if (ran.explores === 0) throw new Error('the emulator got no explore request');
	if (!answer.includes('sales.customers')) throw new Error(`the final answer holds no table: "${answer.slice(0, 120)}"`);
	return `(${agentNote(nodes)})`;
}

/**
 * The agent asks for a delete with Allow Changes off: refused, nothing reaches the emulator, the
 * connection stays. The refusal must be seen: the execution stops with it (n8n 1.123, 2.8), or the agent
 * gets it as the tool's answer (2.41).
 */
async function agentDeleteRefused(setup: AgentSetup, nodes: AgentNodes): Promise<string> {
	const ran = await runAgent(setup, 'aepCompatAgent02', 'Delete my connection.', deleteTool(false), { connection: 'compat agent keeps', nodes, prefix: PACKAGE_PREFIX });
	if (ran.sent !== 0 || !ran.kept) throw new Error(`${ran.sent} requests reached the emulator (${ran.deletes} deletes); the connection is ${ran.kept ? 'kept' : 'gone'}`);
	const { result } = ran.run;
	if (result?.status === 'error' && result.data.resultData.error?.message === DELETE_REFUSED) return '(run stopped)';
	if (result?.status === 'success' && finalAnswer(ran.run).includes('Allow Changes is off')) return '(agent told)';
	throw new Error(`the refusal was not seen: status ${result?.status}, "${result?.data.resultData.error?.message ?? ran.run.output.slice(-200)}"`);
}

const agentNote = (nodes: AgentNodes) => `Agent ${nodes.agent}, model ${nodes.model}`;

/** Lists connections with the credential saved the old way (the example's Get Connections alone). */
async function oldClientIdCredential(n8n: N8nInstance, stack: Stack): Promise<string> {
	stack.emulator.seedConnections(ORG, 'prod', 1, () => ({ name: 'listed with clientId' }));
	const workflow = loadExample('delete-connections-by-name.json', {}, { flowServiceApi: OLD_CLIENT_ID }, true);
	workflow.id = 'aepCompatOldKey1';
	workflow.nodes = workflow.nodes.filter((node) => node.name === 'Start' || node.name === 'Get Connections');
	(workflow as unknown as { connections: unknown }).connections = { Start: { main: [[{ node: 'Get Connections', type: 'main', index: 0 }]] } };
	await n8n.importWorkflow(workflow);
	const listed = itemsOf(await execute(n8n, workflow.id), 'Get Connections').length;
	if (listed === 0) throw new Error('the workflow ran but listed no connection');
	return `(${listed} listed)`;
}

async function check(target: Target, tarball: string, stack: Stack, fake: FakeOpenAi): Promise<Row> {
	const node = nodeJs(target.node);
	const nodeVersion = spawnSync(node.executable, ['--version'], { encoding: 'utf8' }).stdout.trim();
	const installMs = ensureInstalled(target, node);
	const row: Row = { n8n: n8nVersion(target.folder), node: nodeVersion, install: installMs ? seconds(installMs) : 'installed', cells: {} };
	const runtime: N8nRuntime = { folder: target.folder, node: node.executable };
	say(`n8n ${row.n8n} on Node.js ${nodeVersion}:`);
	await cell(row, 'n8n-workflow names', () => workflowNames(runtime));
	for (const way of ['installer', 'npm'] as const) {
		let n8n: N8nInstance | undefined;
		try {
			const loaded = await cell(row, way === 'installer' ? 'installer: loads' : 'npm install <tgz>', async () => {
				n8n = await prepare(runtime, stack, fake, tarball, way);
				return way === 'npm' ? await exploreWorkflow(n8n) : undefined;
			});
			if (way === 'npm' || !loaded || !n8n) continue;
			const installed = n8n;
			await cell(row, 'explore', () => exploreWorkflow(installed));
			await cell(row, 'nightly ×2', async () => {
				const id = loadExample('nightly-table-to-dataset.json').id;
				await execute(installed, id);
				const second = await execute(installed, id);
				for (const node of ['Connect Warehouse', 'Source: the Table', 'Target: the Dataset', 'Map Columns by Name', 'Nightly Dataflow']) {
					const created = itemsOf(second, node)[0]?.json.created;
					if (created !== false) throw new Error(`the second run's ${node} made a new object (created: ${String(created)})`);
				}
				return '(2nd reused)';
			});
			await cell(row, 'credential test', () => credentialTest(installed, stack));
			await cell(row, 'clientId credential', () => oldClientIdCredential(installed, stack));
			await cell(row, 'tool variant', () => toolVariant(installed));
			const setup: AgentSetup = { n8n: installed, stack, fake };
			const nodes = target.agent;
			if (typeof nodes === 'string') {
				// Not a failure: that n8n has no agent that runs our tool; the cell says why.
				for (const column of ['agent: list tables', 'agent: delete refused'] as const) row.cells[column] = { ok: true, text: `— ${nodes}` };
				continue;
			}
			await cell(row, 'agent: list tables', () => agentListsTables(setup, nodes));
			await cell(row, 'agent: delete refused', () => agentDeleteRefused(setup, nodes));
		} finally {
			n8n?.dispose();
		}
	}
	for (const column of COLUMNS) row.cells[column] ??= { ok: false, text: '✗ not run' };
	return row;
}

function matrix(rows: Row[]): string {
	const header = ['n8n', 'Node.js', 'n8n install', ...COLUMNS];
	const lines = rows.map((row) => [row.n8n, row.node, row.install, ...COLUMNS.map((column) => row.cells[column].text)]);
	const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
	const format = (cells: string[]) => `| ${cells.map((text, i) => text.padEnd(widths[i])).join(' | ')} |`;
	return [format(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...lines.map(format)].join('\n');
}

async function main(): Promise<number> {
	const only = process.argv.slice(2);
	const targets = TARGETS.filter((target) => only.length === 0 || only.includes(n8nVersion(target.folder)));
	if (targets.length === 0) throw new Error(`No such version: ${only.join(', ')}. Known: ${TARGETS.map((t) => n8nVersion(t.folder)).join(', ')}`);
	const started = Date.now();
	say('Building and packing the package...');
	ensureBuilt();
	const tarball = packTarball();
	const stack = await startStack({ tokens: [TOKEN], apiKeys: [API_KEY] });
	const fake = await startFakeOpenAi();
	const rows: Row[] = [];
	try {
		for (const target of targets) rows.push(await check(target, tarball, stack, fake));
	} finally {
		await fake.close();
		await stack.close();
		rmSync(dirname(tarball), { recursive: true, force: true });
	}
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
	say('');
	say(`${manifest.name}@${manifest.version}, ${new Date().toISOString().slice(0, 10)}, in ${Math.round((Date.now() - started) / 1000)} s:`);
	say(matrix(rows));
	const failed = rows.some((row) => Object.values(row.cells).some((c) => !c.ok));
	say(failed ? '\nSome cells failed.' : '\nEvery cell passed.');
	return failed ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	},
);
