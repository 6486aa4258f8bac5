/** A running emulator stack per test file, credentials for it, and a short way to run the node. */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { EmulatorOptions } from '../emulator/server';
import type { Stack } from '../emulator/stack';
import { startStack } from '../emulator/stack';
import { API_KEY, CLIENT_SECRET, ORG, TOKEN } from './account';
import type { RunOptions } from './runNode';
import { CredentialStore, runNode } from './runNode';

export { API_KEY, CLIENT_SECRET, ORG, TOKEN } from './account';

/** Every time in the node's output: ISO 8601 in UTC, with milliseconds. */
export const ISO_TIME = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
/** Set as the password of connections in tests; must never be seen anywhere it was not sent. */
export const CANARY = 'canary-Pw;={}-9d1e4';

export interface Harness {
	stack: Stack;
	credentials: CredentialStore;
	run(parameters: IDataObject, options?: Partial<RunOptions>): Promise<INodeExecutionData[]>;
	/** Everything a user or an operator could read: outputs, error texts, the emulator's log. */
	seen: string[];
	greenplum(name: string, extra?: IDataObject): IDataObject;
	db2(name: string, extra?: IDataObject): IDataObject;
	/** Runs with the Source Database credential set to `login` (merged over the stack's database), then puts the stack's back. */
	withLogin<T>(login: ICredentialDataDecryptedObject, run: () => Promise<T>): Promise<T>;
}

export function useStack(options: EmulatorOptions = {}): Harness {
	const harness = { seen: [] as string[] } as Harness;
	beforeAll(async () => {
		harness.stack = await startStack({
			tokens: [TOKEN],
			apiKeys: [API_KEY],
			imsClients: [{ clientId: API_KEY, clientSecret: CLIENT_SECRET }],
			...options,
		});
		harness.credentials = new CredentialStore();
		harness.credentials.set('flowServiceApi', { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: ORG, sandboxName: 'prod', baseUrl: harness.stack.emulator.url });
		const { login } = harness.stack.database;
		harness.credentials.set('flowServiceDatabaseApi', { host: '127.0.0.1', port: String(harness.stack.database.port), database: login.database, username: login.username, password: login.password });
		harness.credentials.set('flowServiceServerToServerApi', {
			clientId: API_KEY,
			clientSecret: CLIENT_SECRET,
			imsOrgId: ORG,
			sandboxName: 'prod',
			baseUrl: harness.stack.emulator.url,
			imsTokenUrl: harness.stack.emulator.imsTokenUrl,
		});
	}, 60_000);
	afterAll(async () => {
		harness.seen.push(...harness.stack.emulator.log);
		await harness.stack.close();
	});
	harness.withLogin = async (login, run) => {
		const saved = { ...harness.credentials.data.flowServiceDatabaseApi };
		harness.credentials.set('flowServiceDatabaseApi', { ...saved, ...login });
		try {
			return await run();
		} finally {
			harness.credentials.data.flowServiceDatabaseApi = saved;
		}
	};
	harness.run = async (parameters, options = {}) => {
		try {
			const out = await runNode({ credentials: harness.credentials, parameters, ...options });
			harness.seen.push(JSON.stringify(out));
			return out;
		} catch (error) {
			const e = error as { message?: string; description?: string };
			harness.seen.push(String(e.message), String(e.description), JSON.stringify(error));
			throw error;
		}
	};
	// The login typed into the node, so that a test can vary one field; the credential path has tests of its own.
	const create = (connector: string) => (name: string, extra: IDataObject = {}) => ({
		resource: 'connection',
		operation: 'create',
		connector,
		name,
		databaseLogin: 'node',
		host: '127.0.0.1',
		port: harness.stack.database.port,
		database: harness.stack.database.login.database,
		username: harness.stack.database.login.username,
		password: harness.stack.database.login.password,
		...extra,
	});
	harness.greenplum = create('greenplum');
	harness.db2 = create('ibmDb2');
	return harness;
}

export function byId(id: unknown) {
	return { __rl: true, mode: 'id', value: id };
}

/** Runs the node and returns the error it threw. */
export async function failure(promise: Promise<unknown>): Promise<Error & { description?: string; httpCode?: string; context: IDataObject }> {
	try {
		await promise;
	} catch (error) {
		return error as Error & { description?: string; httpCode?: string; context: IDataObject };
	}
	throw new Error('Expected the node to fail, but it succeeded');
}
