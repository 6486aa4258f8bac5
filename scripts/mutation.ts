// `npm run mutation`: Stryker over the node's helpers, transport and connector table, with one
// embedded sample database for the whole run (EMBEDDED_DATABASE_PORT) instead of one per test file
// per mutant. Prints Stryker's report; the JSON is written to reports/mutation/.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

async function main(): Promise<number> {
	const database = spawn(process.execPath, ['emulator/embeddedDatabaseProcess.js', '0', 'seed'], { stdio: ['pipe', 'pipe', 'inherit'] });
	const { port } = await new Promise<{ port: number }>((resolve, reject) => {
		createInterface({ input: database.stdout }).once('line', (line) => resolve(JSON.parse(line) as { port: number }));
		database.once('exit', (code) => reject(new Error(`the sample database stopped (exit ${code})`)));
	});
	const started = Date.now();
	const stryker = spawn('npx', ['stryker', 'run', 'test/config/stryker.config.mjs', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, EMBEDDED_DATABASE_PORT: String(port) } });
	const code = await new Promise<number | null>((resolve) => stryker.once('exit', resolve));
	database.stdin.end();
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
