/**
 * `npm run try` as a newcomer runs it, on ports other than the defaults and an n8n user folder of the
 * test's own: the printed editor URL answers, the printed owner logs in, every example is there with
 * no unknown node and the package's node type known, the explore example runs green from the editor's
 * Execute, `+1d` moves the emulator's clock; Ctrl+C (SIGINT to the process group, as a terminal sends
 * it) stops everything, exit 0, ports free, no process left. A second `npm run try` on the same folder
 * keeps what the user made, and a SIGTERM sent to npm alone stops everything too.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { portIsFree } from '../../emulator/stack';
import type { RestCall } from '../../support/n8n';
import { EXAMPLE_CREDENTIALS, ensureBuilt, ensureN8n, exampleFiles, freePort, loadExample, PACKAGE_PREFIX, restLogin, ROOT } from '../../support/n8n';

jest.setTimeout(600_000);

const NODE_TYPE = `${PACKAGE_PREFIX}adobeFlowService`;
const examples = () => exampleFiles().map((file) => loadExample(file, {}, {}, true));

let folder: string;
let ports: { n8n: number; emulator: number; database: number };

interface Run {
	child: ChildProcess;
	/** The processes seen under it while it ran. */
	pids: number[];
	output: () => string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `npm run try`, or the command it runs without npm's shell in between, in a process group of its own (as a terminal would). */
function startTry(how: 'npm' | 'script'): Run {
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('JEST') && key !== 'NODE_ENV' && !key.startsWith('N8N_')));
	const env = { ...inherited, TRY_USER_FOLDER: folder, N8N_PORT: String(ports.n8n), EMULATOR_PORT: String(ports.emulator), EMULATOR_DATABASE_PORT: String(ports.database) };
	const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.try;
	const [bin, ...args] = script.split(' ');
	expect(bin).toBe('ts-node');
	const child =
		how === 'npm'
			? spawn('npm', ['run', 'try'], { cwd: ROOT, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] })
			: spawn(process.execPath, [require.resolve('ts-node/dist/bin'), ...args], { cwd: ROOT, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
	const run: Run = { child, pids: [], output: () => output, exited };
	started.push(run);
	return run;
}

async function waitFor(run: Run, pattern: RegExp, ms: number): Promise<RegExpExecArray> {
	const deadline = Date.now() + ms;
	for (;;) {
		const match = pattern.exec(run.output());
		if (match) return match;
		if (run.child.exitCode !== null || run.child.signalCode !== null) throw new Error(`npm run try ended before printing ${pattern}:\n${run.output().slice(-4000)}`);
		if (Date.now() > deadline) throw new Error(`npm run try did not print ${pattern} within ${ms / 1000} s:\n${run.output().slice(-4000)}`);
		await new Promise((resolveWait) => setTimeout(resolveWait, 250));
	}
}

/** Every process started under this one, at this moment; remembered, to be ended should the test fail. */
function descendants(run: Run): number[] {
	const found = processesUnder(run.child.pid!);
	run.pids.push(...found);
	return found;
}

function processesUnder(pid: number): number[] {
	const table = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
		.stdout.trim()
		.split('\n')
		.map((line) => line.trim().split(/\s+/).map(Number));
	const found: number[] = [];
	const walk = (parent: number) => {
		for (const [child, ppid] of table) {
			if (ppid === parent) {
				found.push(child);
				walk(child);
			}
		}
	};
	walk(pid);
	return found;
}

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

/** Waits until none of these processes is left; returns those that still are after the time given. */
async function gone(pids: number[], ms: number): Promise<number[]> {
	const deadline = Date.now() + ms;
	while (pids.some(alive) && Date.now() < deadline) await new Promise((resolveWait) => setTimeout(resolveWait, 250));
	return pids.filter(alive);
}

async function freePorts(): Promise<Record<string, boolean>> {
	return Object.fromEntries(await Promise.all(Object.entries(ports).map(async ([name, port]) => [name, await portIsFree(port)] as const)));
}

/** The node types the editor knows (what it does not know, it shows as "?"), as the editor reads them: signed in. */
async function knownNodeTypes(url: string, email: string, password: string): Promise<Set<string>> {
	const headers = { 'content-type': 'application/json', 'browser-id': 'flow-service-try-test' };
	const login = await fetch(`${url}/rest/login`, { method: 'POST', headers, body: JSON.stringify({ emailOrLdapLoginId: email, password }) });
	expect(login.status).toBe(200);
	const cookie = login.headers.get('set-cookie')!.split(';')[0];
	const types = (await (await fetch(`${url}/types/nodes.json`, { headers: { ...headers, cookie } })).json()) as Array<{ name: string }>;
	return new Set(types.map((type) => type.name));
}

/** What the ready message says: the editor's URL and the owner's login. */
async function ready(run: Run): Promise<{ url: string; call: RestCall; known: Set<string> }> {
	// The first run may build, install n8n (minutes) and pack the package.
	await waitFor(run, /Ctrl\+C stops/, 540_000);
	const [, url] = /is ready, with this package installed: (http:\S+)/.exec(run.output()) ?? [];
	const [, email, password] = /Log in as (\S+), password (\S+)\./.exec(run.output()) ?? [];
	expect({ url, email: typeof email, password: typeof password }).toEqual({ url: `http://localhost:${ports.n8n}`, email: 'string', password: 'string' });
	// The owner is set up: the editor opens at its login page, not at the owner setup.
	const settings = (await (await fetch(`${url}/rest/settings`)).json()) as { data: { userManagement: { showSetupOnFirstLoad: boolean } } };
	expect(settings.data.userManagement.showSetupOnFirstLoad).toBe(false);
	const call = await restLogin(url, email, password);
	return { url, call, known: await knownNodeTypes(url, email, password) };
}

beforeAll(async () => {
	ensureBuilt();
	ensureN8n();
	folder = mkdtempSync(join(tmpdir(), 'flow-service-try-'));
	ports = { n8n: await freePort(), emulator: await freePort(), database: await freePort() };
	while (new Set(Object.values(ports)).size < 3) ports.database = await freePort();
}, 900_000);

const started: Run[] = [];

/** Whatever a failed test left running. */
function killLeftovers(): void {
	for (const run of started.splice(0)) for (const pid of [run.child.pid!, ...processesUnder(run.child.pid!), ...run.pids].filter(alive)) process.kill(pid, 'SIGKILL');
}

afterEach(killLeftovers);

afterAll(() => {
	killLeftovers();
	if (folder) rmSync(folder, { recursive: true, force: true });
});

test('the editor with the package installed, the examples and the credentials; Ctrl+C stops everything and exits 0', async () => {
	const run = startTry('script');
	const { url, call, known } = await ready(run);

	// Every example is there, and every node in it is a node n8n knows: none shows as "?".
	expect(known.has(NODE_TYPE)).toBe(true);
	const held = (await call('GET', '/workflows')) as Array<{ id: string }>;
	expect(held.map((workflow) => workflow.id).sort()).toEqual(examples().map((workflow) => workflow.id).sort());
	for (const example of examples()) {
		const workflow = (await call('GET', `/workflows/${example.id}`)) as { nodes: Array<{ type: string }> };
		expect([example.id, workflow.nodes.filter((node) => !known.has(node.type)).map((node) => node.type)]).toEqual([example.id, []]);
		expect(workflow.nodes.some((node) => node.type === NODE_TYPE)).toBe(true);
	}
	const credentials = (await call('GET', '/credentials')) as Array<{ id: string; name: string }>;
	expect(credentials.map(({ id, name }) => ({ id, name }))).toEqual(expect.arrayContaining(Object.values(EXAMPLE_CREDENTIALS)));
	expect(run.output()).toContain(`${url}/workflow/aepNightlyPipe01`);
	expect(run.output()).toContain(`Base URL:      http://127.0.0.1:${ports.emulator}`);
	expect(run.output()).toContain(`host 127.0.0.1 port ${ports.database}`);

	// The editor's Execute workflow on the explore example: green, against the emulator and the sample database.
	const explore = (await call('GET', '/workflows/aepGreenplumExpl')) as { id: string };
	const { executionId } = (await call('POST', '/workflows/aepGreenplumExpl/run', { workflowData: explore, triggerToStartFrom: { name: 'Run Now' } })) as { executionId: string };
	let execution: { status: string; finished?: boolean } = { status: 'new' };
	for (const deadline = Date.now() + 60_000; ['new', 'running'].includes(execution.status) && Date.now() < deadline; ) {
		await new Promise((resolveWait) => setTimeout(resolveWait, 500));
		execution = (await call('GET', `/executions/${executionId}`)) as typeof execution;
	}
	expect(execution.status).toBe('success');
	expect(run.output()).toMatch(/emulator: \S+ GET \/data\/foundation\/flowservice\/connections\/[\w-]+\/explore 200/);

	// Typed into the terminal: the Platform's clock moves a day.
	run.child.stdin!.write('+1d\n');
	await waitFor(run, /The Platform's clock is now \S+ \(1d ahead of this machine's\)/, 10_000);

	// Something the user makes in the editor, for the next run to keep.
	await call('POST', '/workflows', { name: 'Made in the editor', nodes: [], connections: {}, settings: {} });

	// Ctrl+C in a terminal: SIGINT to every process of the group.
	const pids = descendants(run);
	expect(pids.length).toBeGreaterThanOrEqual(3); // n8n, its task runner, the sample database
	process.kill(-run.child.pid!, 'SIGINT');
	expect(await run.exited).toEqual({ code: 0, signal: null });
	expect(run.output()).toContain('Stopping n8n, the emulator and the sample database...');
	expect(await gone(pids, 10_000)).toEqual([]);
	expect(await freePorts()).toEqual({ n8n: true, emulator: true, database: true });
});

test('npm run try a second time keeps what the user made and logs the same owner in; SIGTERM to npm alone stops everything', async () => {
	const run = startTry('npm');
	const { call } = await ready(run);
	expect(run.output()).toContain(`Writing the credentials again into the n8n user folder of the last run (${folder})`);
	const held = (await call('GET', '/workflows')) as Array<{ id: string; name: string }>;
	expect(held.map((workflow) => workflow.name).sort()).toEqual([...examples().map((workflow) => workflow.name), 'Made in the editor'].sort());

	const pids = descendants(run);
	process.kill(run.child.pid!, 'SIGTERM');
	await run.exited;
	expect(await gone(pids, 30_000)).toEqual([]);
	expect(await freePorts()).toEqual({ n8n: true, emulator: true, database: true });
});
