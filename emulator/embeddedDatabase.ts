/**
 * The database behind the demo and the tests: PGlite (PostgreSQL compiled to WebAssembly)
 * served over the PostgreSQL wire protocol on a loopback port, seeded with a small sample
 * dataset (embeddedDatabaseProcess.js). Nothing to install. It runs in a child process of
 * its own, so that it works the same under jest, n8n and the command line.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';

/**
 * The sign-in the sample database expects. PGlite itself trusts every login, so the
 * emulator checks these itself before it connects (see embeddedAccess in stack.ts).
 */
export const SAMPLE_LOGIN = { database: 'sales', username: 'analyst', password: 'analyst-pw' };

export interface EmbeddedDatabase {
	host: string;
	port: number;
	login: typeof SAMPLE_LOGIN;
	/** Runs SQL on the database, e.g. for a test to add its own rows. */
	exec(sql: string): Promise<void>;
	/** Runs a query and returns its rows, e.g. for a test to count a table. */
	query(sql: string): Promise<Array<Record<string, unknown>>>;
	close(): Promise<void>;
}

/**
 * The sample database another process already started (EMBEDDED_DATABASE_PORT): `npm run mutation`
 * starts one for the whole run instead of one per test file per mutant. Closing it leaves it running.
 */
export function sharedEmbeddedDatabase(port: number): EmbeddedDatabase {
	const host = '127.0.0.1';
	return { host, port, login: SAMPLE_LOGIN, exec: async (sql) => void (await queryOn(host, port, sql)), query: (sql) => queryOn(host, port, sql), close: async () => undefined };
}

async function queryOn(host: string, port: number, sql: string): Promise<Array<Record<string, unknown>>> {
	const client = new Client({ host, port, user: SAMPLE_LOGIN.username, database: SAMPLE_LOGIN.database, password: SAMPLE_LOGIN.password });
	await client.connect();
	try {
		return (await client.query(sql)).rows as Array<Record<string, unknown>>;
	} finally {
		await client.end();
	}
}

export async function startEmbeddedDatabase({ port = 0, seed = true }: { port?: number; seed?: boolean } = {}): Promise<EmbeddedDatabase> {
	const child = spawn(process.execPath, [join(__dirname, 'embeddedDatabaseProcess.js'), String(port), seed ? 'seed' : 'empty'], {
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const ready = await new Promise<{ port: number }>((resolve, reject) => {
		const lines = createInterface({ input: child.stdout! });
		lines.once('line', (line) => resolve(JSON.parse(line) as { port: number }));
		child.once('exit', (code) => reject(new Error(`The embedded database stopped before it was ready (exit ${code})`)));
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const host = '127.0.0.1';
	return {
		host,
		port: ready.port,
		login: SAMPLE_LOGIN,
		exec: async (sql) => void (await queryOn(host, ready.port, sql)),
		query: (sql) => queryOn(host, ready.port, sql),
		close: async () => {
			child.stdin!.end();
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		},
	};
}
