/**
 * What the agent and MCP end-to-end tests share: our node's tool variant as a workflow node, the
 * Flow Service credential for the emulator, a connection to the embedded database to work with, and
 * a field a model fills through `$fromAI()`.
 */
import { randomUUID } from 'node:crypto';

import type { Stack } from '../emulator/stack';
import { API_KEY, ORG, TOKEN } from './harness';
import type { CredentialImport } from './n8n';
import { CUSTOM_PREFIX } from './n8n';
import { CredentialStore, runNode } from './runNode';

export const FLOW_CREDENTIAL = { id: 'aepFlowSvcCred01', name: 'Flow Service API' };

const platform = (stack: Stack) => ({ accessToken: TOKEN, apiKey: API_KEY, imsOrgId: ORG, sandboxName: 'prod', baseUrl: stack.emulator.url });

/** The Flow Service API credential for the emulator, to import into n8n. */
export function flowServiceCredential(stack: Stack): CredentialImport {
	return { ...FLOW_CREDENTIAL, type: 'flowServiceApi', data: platform(stack) };
}

/** Creates a GreenPlum connection to the embedded database, in-process; resolves with its id. */
export async function greenplumConnection(stack: Stack, name: string): Promise<string> {
	const credentials = new CredentialStore();
	credentials.set('flowServiceApi', platform(stack));
	const { login } = stack.database;
	const typed = { databaseLogin: 'node', host: '127.0.0.1', port: stack.database.port, database: login.database, username: login.username, password: login.password };
	const [created] = await runNode({ credentials, parameters: { resource: 'connection', operation: 'create', connector: 'greenplum', name, ...typed } });
	return String(created.json.id);
}

/** A locator's By ID value that the model fills: `$fromAI(key, description)`. */
export const byAi = (key: string, description: string) => ({ __rl: true, mode: 'id', value: `={{ $fromAI('${key}', '${description}', 'string') }}` });

/** Our node's tool variant (loaded from the custom folder) as a workflow node, with these parameters and node settings. */
export function toolNode(name: string, position: [number, number], parameters: Record<string, unknown>, settings: Record<string, unknown> = {}) {
	return {
		id: randomUUID(),
		name,
		type: `${CUSTOM_PREFIX}adobeFlowServiceTool`,
		typeVersion: 1,
		position,
		parameters: { authentication: 'accessToken', ...parameters },
		credentials: { flowServiceApi: FLOW_CREDENTIAL },
		...settings,
	};
}
