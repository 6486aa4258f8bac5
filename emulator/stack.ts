/** The emulator together with the embedded sample database: what the demo, the tests and `npm run emulator` start. */
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

import { clockCommand } from './clock';
import { runCommand } from './commands';

import type { EmbeddedDatabase } from './embeddedDatabase';
import { sharedEmbeddedDatabase, startEmbeddedDatabase } from './embeddedDatabase';
import type { DatabaseTarget } from './explore';
import type { Emulator, EmulatorOptions } from './server';
import { startEmulator } from './server';

export interface Stack {
	emulator: Emulator;
	database: EmbeddedDatabase;
	close(): Promise<void>;
}

/** The embedded database trusts any login; this makes it refuse all but its sample one, as a real server would. */
export function embeddedAccess(database: EmbeddedDatabase) {
	return (target: DatabaseTarget) => {
		const local = ['127.0.0.1', 'localhost', '::1'].includes(target.host) && target.port === database.port;
		if (!local) return true;
		const login = database.login;
		return target.user === login.username && target.password === login.password && target.database === login.database;
	};
}

export async function startStack(options: EmulatorOptions & { databasePort?: number } = {}): Promise<Stack> {
	const shared = Number(process.env.EMBEDDED_DATABASE_PORT);
	const database = shared > 0 ? sharedEmbeddedDatabase(shared) : await startEmbeddedDatabase({ port: options.databasePort });
	const emulator = await startEmulator({ databaseAccess: embeddedAccess(database), ...options });
	return {
		emulator,
		database,
		close: async () => {
			await emulator.close();
			await database.close();
		},
	};
}

/**
 * Where `npm run emulator` and `npm run try` listen unless told otherwise (EMULATOR_PORT,
 * EMULATOR_DATABASE_PORT): the same ports at every start, so that a credential saved in n8n with
 * them keeps working after a restart.
 */
export const STABLE_PORTS = { emulator: 5690, database: 54329 };

/** Whether nothing listens on 127.0.0.1:port yet. */
export async function portIsFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const probe = createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

/**
 * The port named by the environment variable, or the stable default; 0 (any free port) when that one
 * is taken, saying so, and how to choose another that stays the same.
 */
export async function stablePort(variable: string, fallback: number, what: string, say: (line: string) => void): Promise<number> {
	const given = process.env[variable];
	const port = given === undefined || given === '' ? fallback : Number(given);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${variable}=${given} is not a port number`);
	if (port === 0 || (await portIsFree(port))) return port;
	say(`Port ${port} (${what}) is taken, so it gets another one this time: a credential saved with port ${port} will not reach it. Set ${variable} to a free port to keep one that stays the same.`);
	return 0;
}

/** What the emulator started by startStableStack accepts: EMULATOR_TOKEN, EMULATOR_API_KEY and EMULATOR_CLIENT_SECRET, or these. */
export interface EmulatorLogin {
	token: string;
	apiKey: string;
	clientSecret: string;
}

/**
 * The emulator and the sample database as `npm run emulator` and `npm run try` start them: on the
 * stable ports (or EMULATOR_PORT and EMULATOR_DATABASE_PORT), accepting one access token, one API key
 * and one OAuth Server-to-Server client (from the environment, or emulator-token, emulator-client and
 * emulator-secret), EMULATOR_LATENCY_MS added to every answer.
 */
export async function startStableStack(say: (line: string) => void, options: EmulatorOptions = {}): Promise<Stack & { login: EmulatorLogin }> {
	const port = await stablePort('EMULATOR_PORT', STABLE_PORTS.emulator, 'the emulator', say);
	const databasePort = await stablePort('EMULATOR_DATABASE_PORT', STABLE_PORTS.database, 'the sample database', say);
	const login: EmulatorLogin = {
		token: process.env.EMULATOR_TOKEN ?? 'emulator-token',
		apiKey: process.env.EMULATOR_API_KEY ?? 'emulator-client',
		clientSecret: process.env.EMULATOR_CLIENT_SECRET ?? 'emulator-secret',
	};
	const stack = await startStack({
		port,
		databasePort,
		tokens: [login.token],
		apiKeys: [login.apiKey],
		imsClients: [{ clientId: login.apiKey, clientSecret: login.clientSecret }],
		latencyMs: Number(process.env.EMULATOR_LATENCY_MS ?? 0) || undefined,
		...options,
	});
	return { ...stack, login };
}

/** The values a credential needs to reach the emulator and the sample database, as lines to print. */
export function credentialValues(stack: Stack, login: EmulatorLogin): string[] {
	const { emulator, database } = stack;
	return [
		'Flow Service API credential:',
		`  Base URL:      ${emulator.url}`,
		`  Access Token:  ${login.token}       API Key: ${login.apiKey}`,
		'  IMS Org ID:    any, e.g. EMULATOR@AdobeOrg   Sandbox: prod',
		`OAuth Server-to-Server credential: Client ID ${login.apiKey}, Client Secret ${login.clientSecret},`,
		`  IMS Token URL ${emulator.imsTokenUrl}`,
		'',
		`Sample database (PostgreSQL protocol): host ${database.host} port ${database.port}`,
		`  database ${database.login.database}, username ${database.login.username}, password ${database.login.password}`,
	];
}

/**
 * Reads lines typed on stdin: `+1d` (or `+24h`, `+30m`…) moves the Platform's clock forward; `fail`,
 * `failrows` and `succeed` say how a dataflow's next runs end (commands.ts). Each says what it did.
 * Returns what stops listening.
 */
export function clockFromStdin(stack: Stack, say: (line: string) => void): () => void {
	const lines = createInterface({ input: process.stdin });
	lines.on('line', (line) => {
		const answer = clockCommand(stack.emulator.clock, line) ?? runCommand(stack.emulator.pipeline, line);
		if (answer) say(answer);
	});
	return () => lines.close();
}
