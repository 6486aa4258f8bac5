/** `npm run emulator`: the Flow Service emulator and the sample database, until Ctrl+C. */
import { startStack } from './stack';

async function main() {
	const port = Number(process.env.EMULATOR_PORT ?? 0) || 0;
	const stack = await startStack({
		port,
		tokens: [process.env.EMULATOR_TOKEN ?? 'emulator-token'],
		apiKeys: [process.env.EMULATOR_API_KEY ?? 'emulator-client'],
		imsClients: [{ clientId: process.env.EMULATOR_API_KEY ?? 'emulator-client', clientSecret: process.env.EMULATOR_CLIENT_SECRET ?? 'emulator-secret' }],
		latencyMs: Number(process.env.EMULATOR_LATENCY_MS ?? 0) || undefined,
		onLog: (line) => console.log(line),
	});
	const { emulator, database } = stack;
	console.log(`Flow Service emulator listening on ${emulator.url}`);
	console.log('');
	console.log('Flow Service API credential:');
	console.log(`  Base URL:      ${emulator.url}`);
	console.log('  Access Token:  emulator-token       API Key: emulator-client');
	console.log('  IMS Org ID:    any, e.g. EMULATOR@AdobeOrg   Sandbox: prod');
	console.log('OAuth Server-to-Server credential: Client ID emulator-client, Client Secret emulator-secret,');
	console.log(`  IMS Token URL ${emulator.imsTokenUrl}`);
	console.log('');
	console.log(`Sample database (PostgreSQL protocol): host ${database.host} port ${database.port}`);
	console.log(`  database ${database.login.database}, username ${database.login.username}, password ${database.login.password}`);
	const stop = async () => {
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
