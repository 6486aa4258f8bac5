/**
 * The Database Login credential's test. The Platform, not n8n, connects to the source database (from
 * Adobe's network, when a connection is created or tested), and the credential alone cannot reach the
 * Platform: so the test checks what can be checked here — that the login is complete and well formed
 * for a connector — with the same readers Create uses, and says which connectors it fits.
 */
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { CONNECTORS } from '../connectors';
import { buildAuthParams } from '../helpers/connectionBody';
import { loginInput } from '../helpers/databaseLogin';

export async function testDatabaseLogin(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const login = credential.data ?? {};
	const fits: string[] = [];
	let first: string | undefined;
	for (const connector of CONNECTORS) {
		const input = loginInput(connector, login);
		if (!input) continue;
		try {
			buildAuthParams(connector, input);
			fits.push(connector.displayName);
		} catch (error) {
			first ??= (error as Error).message;
		}
	}
	if (fits.length === 0) return { status: 'Error', message: first ?? 'The login fits no connector' };
	return {
		status: 'OK',
		message: `Complete for ${fits.join(', ')}. Adobe signs in to the database when a connection is created: run Connection → Test to see it reach the data.`,
	};
}
