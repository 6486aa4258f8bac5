/**
 * `npm run emulator` as a person uses it: it says which lines it takes, and a `fail` line typed
 * into it makes a dataflow's next run fail. Started on free ports (EMULATOR_PORT=0), so that it does
 * not meet an emulator already on the stable ones.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { RUN_COMMANDS_HELP } from '../../emulator/commands';
import { EmulatorClient } from './client';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
let child: ChildProcessWithoutNullStreams;
let output = '';

/** Waits until the output has a line that matches; returns the match. */
async function printed(pattern: RegExp, since = 0): Promise<RegExpExecArray> {
	for (let i = 0; i < 1200; i++) {
		const match = pattern.exec(output.slice(since));
		if (match) return match;
		if (child.exitCode !== null) break;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error(`Not printed: ${pattern}\n${output}`);
}

beforeAll(async () => {
	const env: NodeJS.ProcessEnv = { ...process.env, EMULATOR_PORT: '0', EMULATOR_DATABASE_PORT: '0' };
	for (const name of ['EMULATOR_TOKEN', 'EMULATOR_API_KEY', 'EMULATOR_CLIENT_SECRET', 'EMULATOR_LATENCY_MS', 'EMBEDDED_DATABASE_PORT']) delete env[name];
	child = spawn(process.execPath, [join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js'), '--transpile-only', join(ROOT, 'emulator', 'cli.ts')], { cwd: ROOT, env });
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	await printed(/Ctrl\+C stops/);
});
afterAll(async () => {
	if (child.exitCode === null) {
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGINT');
		await exited;
	}
});

test('the help says which lines it takes; fail "<name>" makes the next run fail, and the one after is as usual', async () => {
	expect(output).toContain(RUN_COMMANDS_HELP);
	const url = (await printed(/Base URL:\s+(\S+)/))[1];
	const [, host, port] = await printed(/host (\S+) port (\d+)/);
	const [, database, username, password] = await printed(/database (\S+), username (\S+), password (\S+)/);
	const client = new EmulatorClient({ emulator: { url, clock: Date }, database: { host, port: Number(port), login: { database, username, password } } });

	let since = output.length;
	child.stdin.write('fail nobody\n');
	await printed(/No dataflow has the id or name "nobody"/, since);

	const flow = await client.dataflow({ name: 'Typed at the prompt' });
	since = output.length;
	child.stdin.write('fail "Typed at the prompt"\n');
	await printed(new RegExp(`Dataflow "Typed at the prompt" \\(${flow}\\), its next runs, scheduled or on demand: fail; then as usual\\.`), since);
	const [first] = await client.finishedRuns(flow, 1);
	expect(first.metrics.statusSummary).toMatchObject({ status: 'failed', errors: [{ code: 'CONNECTOR-1001-500' }] });

	since = output.length;
	child.stdin.write('+1d\n');
	await printed(/The Platform's clock is now/, since);
	const second = (await client.finishedRuns(flow, 2))[1];
	expect(second.metrics.statusSummary.status).toBe('success');
});
