/**
 * `npm run emulator`: the Flow Service emulator and the sample database, until Ctrl+C. Both listen on
 * the same ports at every start (STABLE_PORTS, or EMULATOR_PORT and EMULATOR_DATABASE_PORT), so a
 * credential saved in n8n keeps working. Typing `+1d` (or `+24h`, `+30m`…) moves the Platform's clock
 * forward, to see a daily dataflow's next run without waiting a day.
 */
import { createInterface } from 'node:readline';

import { clockCommand } from './clock';
import { STABLE_PORTS, stablePort, startStack } from './stack';

async function main() {
	const say = (line: string) => console.log(line);
	const port = await stablePort('EMULATOR_PORT', STABLE_PORTS.emulator, 'the emulator', say);
	const databasePort = await stablePort('EMULATOR_DATABASE_PORT', STABLE_PORTS.database, 'the sample database', say);
	const stack = await startStack({
		port,
		databasePort,
		tokens: [process.env.EMULATOR_TOKEN ?? 'emulator-token'],
		apiKeys: [process.env.EMULATOR_API_KEY ?? 'emulator-client'],
		imsClients: [{ clientId: process.env.EMULATOR_API_KEY ?? 'emulator-client', clientSecret: process.env.EMULATOR_CLIENT_SECRET ?? 'emulator-secret' }],
		latencyMs: Number(process.env.EMULATOR_LATENCY_MS ?? 0) || undefined,
		onLog: say,
	});
	const { emulator, database } = stack;
	say(`Flow Service emulator listening on ${emulator.url}`);
	say('');
	say('Flow Service API credential:');
	say(`  Base URL:      ${emulator.url}`);
	say('  Access Token:  emulator-token       API Key: emulator-client');
	say('  IMS Org ID:    any, e.g. EMULATOR@AdobeOrg   Sandbox: prod');
	say('OAuth Server-to-Server credential: Client ID emulator-client, Client Secret emulator-secret,');
	say(`  IMS Token URL ${emulator.imsTokenUrl}`);
	say('');
	say(`Sample database (PostgreSQL protocol): host ${database.host} port ${database.port}`);
	say(`  database ${database.login.database}, username ${database.login.username}, password ${database.login.password}`);
	say('');
	say("Type +1d and Enter to move the Platform's clock a day forward (+24h, +30m… too); Ctrl+C stops.");
	const lines = createInterface({ input: process.stdin });
	lines.on('line', (line) => {
		const answer = clockCommand(emulator.clock, line);
		if (answer) say(answer);
	});
	const stop = async () => {
		lines.close();
		await stack.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
