/**
 * The pinned real n8n (pinned/n8n-2.8.4/) that the end-to-end tests, the demo and the benchmark run
 * our built package in: installed from its lockfile on first use, then reused. Each
 * N8nInstance is a fresh user folder: credentials and workflows are imported through n8n's CLI
 * and workflows run with `n8n execute --id`. `npm run compat` runs other n8n versions the same
 * way (an N8nRuntime each, in pinned/).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

import type { Stack } from '../emulator/stack';

export const ROOT = resolve(__dirname, '..');
export const RUNTIME = join(ROOT, 'pinned', 'n8n-2.8.4');

/** An installed n8n: the folder holding its package.json and lockfile, and the Node.js that runs it. */
export interface N8nRuntime {
	folder: string;
	node: string;
}

/** The n8n the tests, the demo and the benchmark use, on the Node.js running them. */
export const PINNED: N8nRuntime = { folder: RUNTIME, node: process.execPath };

const n8nBin = (runtime: N8nRuntime) => join(runtime.folder, 'node_modules', 'n8n', 'bin', 'n8n');
/** Nodes loaded from a custom folder get this type prefix. */
export const CUSTOM_PREFIX = 'CUSTOM.';
export const PACKAGE_PREFIX = 'n8n-nodes-adobe-flow-service.';

/** Runs a command to the end, its output shown; throws unless it exits 0. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
	const result = spawnSync(command, args, { cwd, stdio: 'inherit', env });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status})`);
}

export function n8nVersion(folder = RUNTIME): string {
	return (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { dependencies: { n8n: string } }).dependencies.n8n;
}

/** What a folder's install is made from: its package.json and lockfile, as one digest. */
function lockDigest(folder: string): string {
	const hash = createHash('sha256');
	for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(join(folder, file)));
	return hash.digest('hex');
}

/** Written after an install from the lockfile: the digest of what it was made from. */
const stampOf = (folder: string) => join(folder, 'node_modules', '.installed-from');

/** Whether the folder holds an install of exactly its package.json and lockfile as they are now. */
export function isInstalled(folder: string): boolean {
	const stamp = stampOf(folder);
	return existsSync(stamp) && readFileSync(stamp, 'utf8') === lockDigest(folder);
}

/**
 * Installs exactly what the folder's lockfile names (`npm ci`), or fails saying what drifted: npm
 * refuses a lockfile out of step with its package.json, and names what is missing. An install never
 * writes the lockfile, so a test run leaves the tracked files as they were; a lockfile changed by
 * anything during the install is an error too.
 */
export function installFromLockfile(folder: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = process.env): void {
	const before = lockDigest(folder);
	// The pinned n8n needs its dependencies' install scripts (sqlite3's native module): the package's
	// own .npmrc skips them, and `npm run` passes that on to the npm it starts (npm_config_ignore_scripts).
	const scripts = extraArgs.some((arg) => arg.startsWith('--ignore-scripts')) ? [] : ['--ignore-scripts=false'];
	const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error', ...scripts, ...extraArgs], { cwd: folder, env, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
	if (result.status !== 0) {
		const drift = (result.stderr ?? '').split('\n').filter((line) => /Missing:|Invalid:|in sync/.test(line));
		process.stderr.write(result.stderr ?? '');
		throw new Error(
			drift.length > 0
				? `${folder}/package-lock.json is out of step with its package.json, so npm cannot install exactly what it names:\n${drift.join('\n')}\nRun \`npm install --package-lock-only\` in that folder, check the diff and commit the lockfile.`
				: `npm ci failed in ${folder} (exit ${result.status})`,
		);
	}
	if (lockDigest(folder) !== before) throw new Error(`Installing in ${folder} changed its package.json or package-lock.json: the pinned versions drifted`);
	writeFileSync(stampOf(folder), before);
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `work` while holding a lock across processes (a directory made atomically), so that jest's
 * workers, or two commands at once, do not build or install into the same folder together: the
 * second waits, then finds the work done. A lock left by a process that died is taken over after
 * `staleMs`.
 */
export function underLock<T>(name: string, work: () => T, staleMs = 30 * 60_000): T {
	const lock = join(tmpdir(), `flow-service-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}-${name}.lock`);
	for (;;) {
		try {
			mkdirSync(lock);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		try {
			if (Date.now() - statSync(lock).mtimeMs > staleMs) rmSync(lock, { recursive: true, force: true });
		} catch {
			// Released between the two calls: try again.
		}
		sleepSync(500);
	}
	try {
		return work();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

/** Installs the pinned n8n from its lockfile unless exactly that install is already there (one process at a time). */
export function ensureN8n(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): void {
	if (isInstalled(RUNTIME)) return;
	underLock('n8n-install', () => {
		if (isInstalled(RUNTIME)) return;
		log(`Installing n8n ${n8nVersion()} into pinned/n8n-2.8.4/ from its lockfile (once; a few minutes)...`);
		const started = Date.now();
		installFromLockfile(RUNTIME);
		log(`n8n installed in ${Math.round((Date.now() - started) / 1000)} s`);
	});
}

/** Builds the package unless dist/ is newer than every source file. */
export function ensureBuilt(): void {
	const marker = join(ROOT, 'dist', 'nodes', 'AdobeFlowService', 'AdobeFlowService.node.js');
	const newest = (dir: string): number => {
		let latest = 0;
		const walk = (path: string) => {
			const stat = statSync(path);
			if (stat.isDirectory()) for (const entry of require('node:fs').readdirSync(path) as string[]) walk(join(path, entry));
			else latest = Math.max(latest, stat.mtimeMs);
		};
		walk(dir);
		return latest;
	};
	const built = () => existsSync(marker) && statSync(marker).mtimeMs >= Math.max(newest(join(ROOT, 'nodes')), newest(join(ROOT, 'credentials')));
	if (built()) return;
	// The build empties dist/ first: one process at a time, the others then find it built.
	underLock('build', () => {
		if (!built()) run('npm', ['run', '--silent', 'build'], ROOT);
	});
}

/** A port nothing listens on at this moment, on 127.0.0.1. */
export async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolvePort(port));
		});
	});
}

export interface Execution {
	exitCode: number;
	/** Everything n8n printed. */
	output: string;
	/** The execution JSON n8n printed, when it printed one. */
	result?: ExecutionResult;
}

export interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: { main?: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }> | null> };
}

export interface ExecutionResult {
	status?: string;
	data: { resultData: { runData: Record<string, NodeRun[]>; error?: { message?: string; description?: string } } };
}

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** Packs the built package (npm pack) into a new temporary folder; returns the tarball's path. */
export function packTarball(): string {
	const packDir = mkdtempSync(join(tmpdir(), 'flow-service-pack-'));
	const packed = spawnSync('npm', ['pack', '--silent', '--ignore-scripts', `--pack-destination=${packDir}`], { cwd: ROOT, encoding: 'utf8' });
	if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
	return join(packDir, packed.stdout.trim().split('\n').pop()!);
}

/**
 * How a package gets into n8n's community-node folder (<user folder>/.n8n/nodes):
 * - `installer`: as n8n's own Community Nodes installer does it: the tarball extracted into
 *   node_modules/<package>, its devDependencies, peerDependencies and optionalDependencies dropped,
 *   `npm install --ignore-scripts --install-strategy=shallow --package-lock=false` run there, and the
 *   package added to the folder's package.json;
 * - `npm`: what many community nodes' READMEs tell self-hosters: `npm install <tarball>` in that folder.
 */
export type InstallWay = 'installer' | 'npm';

/** An `n8n worker` process and everything it printed. */
export interface N8nWorker {
	output: string;
	process: ReturnType<typeof spawn>;
	/** Resolves with its exit code or the signal that ended it. */
	exited: Promise<number | string | null>;
	/** SIGTERM, then SIGKILL after 20 s. */
	stop(): Promise<void>;
}

/** How `n8n start` is started. */
export interface StartOptions {
	/** The port the editor and the REST API listen on; a free one when absent. */
	port?: number;
	/** N8N_LISTEN_ADDRESS: where n8n listens (n8n's default: every interface). */
	listenAddress?: string;
	/** Everything n8n prints, as it prints it (it is kept in serverOutput too). */
	onOutput?: (text: string) => void;
}

export class N8nInstance {
	/** The user folder: a new temporary one unless one is given (it is then kept between runs). */
	readonly userFolder: string;
	private brokerPort = 0;

	private server?: ReturnType<typeof spawn>;
	private serverExited?: Promise<number | string | null>;
	/** Everything `n8n start` printed. */
	serverOutput = '';

	/**
	 * `extensions`: the custom folder n8n loads our built nodes from; null when the package is installed
	 * instead (installPackage). `runtime`: which installed n8n runs, on which Node.js.
	 */
	constructor(
		private readonly extensions: string | null = join(ROOT, 'dist'),
		readonly runtime: N8nRuntime = PINNED,
		/** More environment for every n8n process of this instance (queue mode, PostgreSQL...). */
		private readonly settings: NodeJS.ProcessEnv = {},
		userFolder?: string,
	) {
		if (userFolder) mkdirSync(userFolder, { recursive: true });
		this.userFolder = userFolder ?? mkdtempSync(join(tmpdir(), 'flow-service-n8n-'));
	}

	/**
	 * Installs the packed package into n8n's community-node folder, as a package installed from npm:
	 * its nodes are `n8n-nodes-adobe-flow-service.*`, and n8n links credentials to their nodes, which
	 * it does not for a custom folder.
	 */
	installPackage(tarball?: string, way: InstallWay = 'installer'): string {
		const packed = tarball ?? packTarball();
		try {
			return this.installTarball(packed, way);
		} finally {
			if (!tarball) rmSync(dirname(packed), { recursive: true, force: true });
		}
	}

	private installTarball(tarball: string, way: InstallWay): string {
		const name = PACKAGE_PREFIX.slice(0, -1);
		const nodesFolder = join(this.userFolder, '.n8n', 'nodes');
		const target = join(nodesFolder, 'node_modules', name);
		mkdirSync(nodesFolder, { recursive: true });
		// The runtime's own npm, as n8n's installer uses: the one next to the Node.js that runs n8n.
		const npm = (args: string[], cwd: string) => {
			const result = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${dirname(this.runtime.node)}${delimiter}${process.env.PATH ?? ''}` } });
			if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd} (exit ${result.status}):\n${result.stderr}`);
		};
		if (way === 'npm') {
			npm(['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], nodesFolder);
			return target;
		}
		// A user folder kept between runs may hold an earlier build: none of its files may stay.
		rmSync(target, { recursive: true, force: true });
		mkdirSync(target, { recursive: true });
		run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], ROOT);
		const manifestFile = join(target, 'package.json');
		const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown> & { version: string };
		for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete manifest[field];
		writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
		npm(['install', '--ignore-scripts', '--install-strategy=shallow', '--package-lock=false', '--no-audit', '--no-fund', '--loglevel=error'], target);
		const folderManifest = join(nodesFolder, 'package.json');
		const nodes: { dependencies?: Record<string, string> } = existsSync(folderManifest) ? JSON.parse(readFileSync(folderManifest, 'utf8')) : { name: 'installed-nodes', private: true };
		writeFileSync(folderManifest, JSON.stringify({ ...nodes, dependencies: { ...nodes.dependencies, [name]: manifest.version } }, null, 2));
		return target;
	}

	/** Resolves when `n8n start` has exited, with its exit code or the signal that ended it. */
	get serverStopped(): Promise<number | string | null> {
		return this.serverExited ?? Promise.resolve(null);
	}

	/** The process id of `n8n start`, while it runs. */
	get serverPid(): number | undefined {
		return this.server?.pid;
	}

	/** Starts n8n's server (editor and REST API), on a free port unless told; resolves with its URL once it answers. */
	async start(options: StartOptions = {}): Promise<string> {
		const port = options.port ?? (await freePort());
		const env = {
			...(await this.env()),
			...(options.listenAddress ? { N8N_LISTEN_ADDRESS: options.listenAddress } : {}),
			N8N_PORT: String(port),
			N8N_HOST: 'localhost',
			N8N_SECURE_COOKIE: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
		};
		const server = spawn(this.runtime.node, [n8nBin(this.runtime), 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		this.server = server;
		this.serverExited = new Promise((resolveExit) => server.once('exit', (code, signal) => resolveExit(code ?? signal)));
		const capture = (chunk: Buffer) => {
			const text = chunk.toString('utf8');
			this.serverOutput += text;
			options.onOutput?.(text);
		};
		this.server.stdout!.on('data', capture);
		this.server.stderr!.on('data', capture);
		const url = `http://localhost:${port}`;
		const deadline = Date.now() + 180_000;
		while (Date.now() < deadline) {
			if (server.exitCode !== null || server.signalCode !== null) throw new Error(`n8n start exited (${server.exitCode ?? server.signalCode}):\n${this.serverOutput.slice(-3000)}`);
			// The REST API answers before the editor's pages are served: wait for n8n to say the editor is up.
			const ready =
				this.serverOutput.includes('Editor is now accessible') &&
				(await fetch(`${url}/setup`).then(
					(response) => response.ok,
					() => false,
				));
			if (ready) return url;
			await new Promise((resolveWait) => setTimeout(resolveWait, 500));
		}
		throw new Error(`n8n did not answer on ${url} within 180 s:\n${this.serverOutput.slice(-3000)}`);
	}

	/**
	 * Starts `n8n worker` (queue mode: `settings` must hold EXECUTIONS_MODE=queue and n8n's database
	 * and Redis) on this user folder; resolves once it says it is ready.
	 */
	async startWorker(concurrency = 10): Promise<N8nWorker> {
		const env = { ...(await this.env()), N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		const child = spawn(this.runtime.node, [n8nBin(this.runtime), 'worker', `--concurrency=${concurrency}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		const worker: N8nWorker = {
			output: '',
			process: child,
			exited: new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit(code ?? signal))),
			stop: async () => {
				if (child.exitCode !== null || child.signalCode !== null) return;
				const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
				child.kill('SIGTERM');
				await worker.exited;
				clearTimeout(timer);
			},
		};
		const capture = (chunk: Buffer) => (worker.output += chunk.toString('utf8'));
		child.stdout.on('data', capture);
		child.stderr.on('data', capture);
		const deadline = Date.now() + 120_000;
		while (!worker.output.includes('n8n worker is now ready')) {
			if (child.exitCode !== null || Date.now() > deadline) throw new Error(`n8n worker did not start:\n${worker.output.slice(-3000)}`);
			await new Promise((resolveWait) => setTimeout(resolveWait, 250));
		}
		return worker;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server || server.exitCode !== null) return;
		await new Promise<void>((resolveStop) => {
			const timer = setTimeout(() => server.kill('SIGKILL'), 20_000);
			server.once('exit', () => {
				clearTimeout(timer);
				resolveStop();
			});
			server.kill('SIGTERM');
		});
	}

	private async env(): Promise<NodeJS.ProcessEnv> {
		if (!this.brokerPort) this.brokerPort = await freePort();
		// Not the test runner's environment: under NODE_ENV=test n8n's CLI does nothing and exits 0.
		const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('JEST') && key !== 'NODE_ENV' && !key.startsWith('N8N_')));
		return {
			...inherited,
			// Task runners and anything else n8n starts get its Node.js too.
			PATH: `${dirname(this.runtime.node)}${delimiter}${inherited.PATH ?? ''}`,
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.userFolder,
			...(this.extensions ? { N8N_CUSTOM_EXTENSIONS: this.extensions } : {}),
			N8N_ENCRYPTION_KEY: 'flow-service-e2e-key',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
			...this.settings,
		};
	}

	async cli(args: string[]): Promise<Execution> {
		const env = await this.env();
		return await new Promise((resolveRun, reject) => {
			const child = spawn(this.runtime.node, [n8nBin(this.runtime), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
			let output = '';
			child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
			child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
			child.on('error', reject);
			child.on('close', (code) => resolveRun({ exitCode: code ?? 1, output }));
		});
	}

	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		const file = join(this.userFolder, `credentials-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials));
		const result = await this.cli(['import:credentials', `--input=${file}`]);
		rmSync(file);
		if (result.exitCode !== 0) throw new Error(`n8n import:credentials failed:\n${result.output}`);
	}

	async importWorkflow(workflow: object): Promise<void> {
		const file = join(this.userFolder, `workflow-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		const result = await this.cli(['import:workflow', `--input=${file}`]);
		if (result.exitCode !== 0) throw new Error(`n8n import:workflow failed:\n${result.output}`);
	}

	/** Imports several workflows with one n8n command (each start of n8n's CLI takes seconds). */
	async importWorkflows(workflows: object[]): Promise<void> {
		if (workflows.length === 0) return;
		const folder = mkdtempSync(join(this.userFolder, 'workflows-'));
		try {
			workflows.forEach((workflow, i) => writeFileSync(join(folder, `${i}.json`), JSON.stringify(workflow)));
			const result = await this.cli(['import:workflow', '--separate', `--input=${folder}`]);
			if (result.exitCode !== 0) throw new Error(`n8n import:workflow failed:\n${result.output}`);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	}

	/** The ids of the workflows n8n holds. */
	async workflowIds(): Promise<string[]> {
		const result = await this.cli(['list:workflow', '--onlyId']);
		if (result.exitCode !== 0) throw new Error(`n8n list:workflow failed:\n${result.output}`);
		return result.output.split('\n').map((line) => line.trim()).filter((line) => /^[A-Za-z0-9]{16}$/.test(line));
	}

	/** Runs an imported workflow. Never reports success unless n8n printed a successful execution. */
	async execute(workflowId: string): Promise<Execution> {
		const result = await this.cli(['execute', `--id=${workflowId}`]);
		const json = extractJson(result.output);
		return { ...result, result: json };
	}

	/** Reads a credential's stored data back (decrypted), e.g. to see a renewed token was kept. */
	async exportCredentials(): Promise<Array<{ id: string; data: Record<string, unknown> }>> {
		return await this.credentialsExport(true);
	}

	/** The credentials as n8n stores them: `data` is the ciphertext. */
	async storedCredentials(): Promise<Array<{ id: string; data: string }>> {
		return await this.credentialsExport(false);
	}

	private async credentialsExport<T>(decrypted: boolean): Promise<T[]> {
		const file = join(this.userFolder, 'export.json');
		const result = await this.cli(['export:credentials', '--all', ...(decrypted ? ['--decrypted'] : []), `--output=${file}`]);
		if (result.exitCode !== 0) throw new Error(`n8n export:credentials failed:\n${result.output}`);
		const exported = JSON.parse(readFileSync(file, 'utf8')) as T[];
		rmSync(file);
		return exported;
	}

	/** Every workflow, as `n8n export:workflow` writes it. */
	async exportWorkflows(): Promise<Array<{ id: string; nodes: Array<Record<string, unknown>> }>> {
		const file = join(this.userFolder, 'workflows.json');
		const result = await this.cli(['export:workflow', '--all', `--output=${file}`]);
		if (result.exitCode !== 0) throw new Error(`n8n export:workflow failed:\n${result.output}`);
		const exported = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; nodes: Array<Record<string, unknown>> }>;
		rmSync(file);
		return exported;
	}

	/** n8n's SQLite database and its journal files. */
	databaseFiles(): string[] {
		const folder = join(this.userFolder, '.n8n');
		return existsSync(folder) ? readdirSync(folder).filter((name) => name.startsWith('database.sqlite')).map((name) => join(folder, name)) : [];
	}

	dispose(): void {
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/**
 * A call to n8n's REST API: its `data`, or an error naming the status. `file` reads another JSON the
 * editor's server gives a signed-in user (e.g. /types/nodes.json, every node type the editor knows).
 */
export type RestCall = ((method: string, path: string, body?: unknown) => Promise<unknown>) & { file(path: string): Promise<unknown> };

/** The owner account the tests and `npm run try` set up in n8n. */
export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export const OWNER: Owner = { email: 'owner@example.com', firstName: 'Ada', lastName: 'Owner', password: 'Owner-pass-1' };

/**
 * n8n's REST API as the editor calls it: the owner set up (or, where n8n already has one, logged in
 * as it), then its session cookie on every call.
 */
export async function restSession(url: string, owner: Owner = OWNER): Promise<RestCall> {
	const call = restClient(url);
	try {
		await call('POST', '/owner/setup', owner);
	} catch (error) {
		if (!/answered 400: .*Instance owner already setup/.test(error instanceof Error ? error.message : '')) throw error;
		await call('POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	}
	return call;
}

/** n8n's REST API as the editor calls it, signed in as a user n8n already has. */
export async function restLogin(url: string, email: string, password: string): Promise<RestCall> {
	const call = restClient(url);
	await call('POST', '/login', { emailOrLdapLoginId: email, password });
	return call;
}

/** Calls to n8n's REST API that keep the session cookie n8n sets. */
function restClient(url: string): RestCall {
	const headers: Record<string, string> = { 'content-type': 'application/json', 'browser-id': 'flow-service-tests' };
	const request = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
		const cookie = response.headers.get('set-cookie');
		if (cookie) headers.cookie = cookie.split(';')[0];
		return JSON.parse(text) as unknown;
	};
	const call = async (method: string, path: string, body?: unknown) => ((await request(method, `/rest${path}`, body)) as { data: unknown }).data;
	return Object.assign(call, { file: async (path: string) => await request('GET', path) });
}

/** The JSON n8n prints after "Execution was successful:" (or with the error, when it failed). */
export function extractJson(output: string): ExecutionResult | undefined {
	const marker = output.search(/Execution was (NOT )?successful:?/);
	const from = marker === -1 ? output.indexOf('\n{') : output.indexOf('{', marker);
	if (from === -1) return undefined;
	for (let end = output.lastIndexOf('}'); end > from; end = output.lastIndexOf('}', end - 1)) {
		try {
			return JSON.parse(output.slice(from, end + 1)) as ExecutionResult;
		} catch {
			// keep looking for the end of the JSON
		}
	}
	return undefined;
}

/** The items one node put out on one output (0 = main, 1 = error output). */
export function itemsOf(result: ExecutionResult | undefined, nodeName: string, output = 0): Array<{ json: Record<string, unknown>; pairedItem?: unknown }> {
	return result?.data.resultData.runData[nodeName]?.[0]?.data?.main?.[output] ?? [];
}

/** The example workflows in examples/, by file name. */
export function exampleFiles(): string[] {
	return readdirSync(join(ROOT, 'examples'))
		.filter((name) => name.endsWith('.json'))
		.sort();
}

/**
 * A workflow's node types as n8n names them when it loads the built nodes from a custom folder
 * (N8N_CUSTOM_EXTENSIONS): `CUSTOM.adobeFlowService` for `n8n-nodes-adobe-flow-service.adobeFlowService`.
 * Credentials keep their types either way. Changes the workflow, and returns it.
 */
export function forCustomFolder<W extends { nodes: Array<Record<string, unknown>> }>(workflow: W): W {
	for (const node of workflow.nodes) {
		if (typeof node.type === 'string' && node.type.startsWith(PACKAGE_PREFIX)) node.type = CUSTOM_PREFIX + node.type.slice(PACKAGE_PREFIX.length);
	}
	return workflow;
}

/** The ids and names the example workflows give their credentials. */
export const EXAMPLE_CREDENTIALS = {
	flowService: { id: 'aepFlowSvcCred01', name: 'Flow Service API' },
	database: { id: 'aepSourceDbLogin', name: 'Source database login' },
};

/**
 * The two credentials the examples use, for an emulator and its sample database: a Flow Service API
 * credential (this access token and API key) and the Source Database login.
 */
export function exampleCredentials(stack: Pick<Stack, 'emulator' | 'database'>, access: { token: string; apiKey: string; imsOrgId: string }): CredentialImport[] {
	const { database } = stack;
	return [
		{
			...EXAMPLE_CREDENTIALS.flowService,
			type: 'flowServiceApi',
			data: { accessToken: access.token, apiKey: access.apiKey, imsOrgId: access.imsOrgId, sandboxName: 'prod', baseUrl: stack.emulator.url },
		},
		{ ...EXAMPLE_CREDENTIALS.database, type: 'flowServiceDatabaseApi', data: { loginInput: 'fields', host: database.host, port: String(database.port), ...database.login } },
	];
}

/**
 * A repository example workflow, parameters overridden by node name. Its node types are set for a
 * custom-folder load unless `installed` (the package installed into n8n's community-node folder).
 */
export function loadExample(
	name: string,
	overrides: Record<string, Record<string, unknown>> = {},
	credentialIds: Record<string, string> = {},
	installed = false,
): { id: string; name: string; nodes: Array<Record<string, unknown>> } {
	const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', name), 'utf8')) as { id: string; name: string; nodes: Array<Record<string, unknown>> };
	if (!installed) forCustomFolder(workflow);
	for (const node of workflow.nodes) {
		const override = overrides[node.name as string];
		if (override) node.parameters = { ...(node.parameters as object), ...override };
		const credentials = node.credentials as Record<string, { id: string; name: string }> | undefined;
		for (const [type, id] of Object.entries(credentialIds)) if (credentials?.[type]) credentials[type].id = id;
	}
	return workflow;
}
