/**
 * Credential tests that need more than a request and a status: the access-token credential's (to say
 * why a token was refused: n8n 2.8's declarative test rules never see the status, it drops the
 * response) and the Database Login credential's.
 */
import type { ICredentialsDecrypted, ICredentialTestFunctions, IDataObject, INodeCredentialTestResult } from 'n8n-workflow';

import { addPlatformHeaders, platformTest } from '../../../credentials/FlowServiceApi.credentials';
import { CONNECTORS } from '../connectors';
import { buildAuthParams } from '../helpers/connectionBody';
import { loginInput } from '../helpers/databaseLogin';

/**
 * The Platform, not n8n, connects to the source database (from Adobe's network, when a connection is
 * created or tested), and this credential alone cannot reach the Platform: so the test checks what can
 * be checked here — that the login is complete and well formed for a connector — with the readers
 * Create uses, and says which connectors it fits.
 */
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

/** What the access-token credential's test says for each refusal: what to do, not only that it failed. */
export const ACCESS_TOKEN_ANSWERS: Record<number, string> = {
	401: 'The Platform refused the access token (401). Tokens from the Adobe Developer Console expire after 24 hours: paste a new one, or use the "Adobe Experience Platform Flow Service OAuth Server-to-Server API" credential, which gets and renews its own.',
	403: 'The Platform refused the request (403): check the API Key (the Client ID of the same Developer Console project as the token) and that the project has the Experience Platform API.',
};

/** Lists one connection with the credential's four headers, and says what a refusal means. */
export async function testAccessToken(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = String(data.baseUrl || 'https://platform.adobe.io').replace(/\/+$/, '');
	const { headers } = await addPlatformHeaders(data, { url: '', headers: { Accept: 'application/json' } });
	let response: { statusCode: number; body: unknown };
	try {
		// A credential test gets only `request` from n8n (ICredentialTestFunctions has no httpRequest).
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		response = (await this.helpers.request({
			method: 'GET',
			uri: `${baseUrl}/data/foundation/flowservice${String(platformTest.request.url)}`,
			qs: platformTest.request.qs,
			headers,
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			timeout: 30_000,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		return { status: 'Error', message: `Could not reach ${baseUrl}: ${(error as Error).message}` };
	}
	const { statusCode } = response;
	if (statusCode >= 200 && statusCode < 300) return { status: 'OK', message: 'The Platform accepted the token, API key, IMS org and sandbox' };
	const body = (response.body ?? {}) as IDataObject;
	const said = String(body.message ?? body.title ?? body.detail ?? '');
	return { status: 'Error', message: ACCESS_TOKEN_ANSWERS[statusCode] ?? `The Platform answered ${statusCode}${said ? `: ${said}` : ''}` };
}
