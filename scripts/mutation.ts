// `npm run mutation`: Stryker over the node's helpers, transport and connector table, with one
// embedded sample database for the whole run (EMBEDDED_DATABASE_PORT) instead of one per test file
// per mutant. Prints Stryker's report, then where the time went: the mutated files and the test files
// that took longest (from reports/mutation/timing.jsonl, written by test/setup/mutationRunner.js).
// The JSON report is written to reports/mutation/.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const TIMING = resolve('reports/mutation/timing.jsonl');

interface MutantTiming {
	mutated: string[];
	ms: number;
	killed: boolean;
	files: Array<[string, number]>;
}

/** The `top` entries of `totals` by time, one line each. */
function slowest(title: string, totals: Map<string, { ms: number; runs: number; notKilled?: number }>, top: number): string[] {
	const lines = [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, top);
	return [title, ...lines.map(([name, t]) => `  ${(t.ms / 1000).toFixed(0).padStart(5)} s  ${String(t.runs).padStart(4)} × ${t.notKilled === undefined ? '' : `(${t.notKilled} not killed) `}${name}`)];
}

function timingSummary(lines: MutantTiming[], top = 8): string[] {
	const mutated = new Map<string, { ms: number; runs: number; notKilled: number }>();
	const tests = new Map<string, { ms: number; runs: number }>();
	for (const line of lines) {
		const name = line.mutated.join(', ') || '(unknown)';
		const entry = mutated.get(name) ?? { ms: 0, runs: 0, notKilled: 0 };
		mutated.set(name, { ms: entry.ms + line.ms, runs: entry.runs + 1, notKilled: entry.notKilled + (line.killed ? 0 : 1) });
		for (const [file, ms] of line.files) {
			const test = tests.get(file) ?? { ms: 0, runs: 0 };
			tests.set(file, { ms: test.ms + ms, runs: test.runs + 1 });
		}
	}
	const total = lines.reduce((sum, line) => sum + line.ms, 0);
	return [
		`time in test files: ${Math.round(total / 1000)} s over ${lines.length} mutants (both workers together)`,
		...slowest('mutated files that took longest (mutants):', mutated, top),
		...slowest('test files that took longest (runs):', tests, top),
	];
}

async function main(): Promise<number> {
	const database = spawn(process.execPath, ['emulator/embeddedDatabaseProcess.js', '0', 'seed'], { stdio: ['pipe', 'pipe', 'inherit'] });
	const { port } = await new Promise<{ port: number }>((resolve, reject) => {
		createInterface({ input: database.stdout }).once('line', (line) => resolve(JSON.parse(line) as { port: number }));
		database.once('exit', (code) => reject(new Error(`the sample database stopped (exit ${code})`)));
	});
	rmSync(TIMING, { force: true });
	rmSync(resolve('reports/mutation/durations.json'), { force: true });
	const started = Date.now();
	const stryker = spawn('npx', ['stryker', 'run', 'test/config/stryker.config.mjs', ...process.argv.slice(2)], {
		stdio: 'inherit',
		env: { ...process.env, EMBEDDED_DATABASE_PORT: String(port), MUTATION_TIMING: TIMING },
	});
	const code = await new Promise<number | null>((resolve) => stryker.once('exit', resolve));
	database.stdin.end();
	if (existsSync(TIMING)) {
		const lines = readFileSync(TIMING, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as MutantTiming);
		for (const line of timingSummary(lines)) console.log(line);
	}
	console.log(`mutation run: ${Math.round((Date.now() - started) / 1000)} s`);
	return code ?? 1;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	},
);
