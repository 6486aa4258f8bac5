/** The emulator together with the embedded sample database: what the demo, the tests and `npm run emulator` start. */
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
