/**
 * Credential tests that need more than a request and a status: the access-token credential's (to say
 * why a token was refused: n8n 2.8's declarative test rules never see the status, it drops the
 * response) and the Database Login credential's.
 */
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, ICredentialTestFunctions, IDataObject, INodeCredentialTestResult } from 'n8n-workflow';

import { addPlatformHeaders, platformTest } from '../../../credentials/FlowServiceApi.credentials';
import type { FieldKey } from '../connectors';
import { AUTH_CHOICES, FIELDS, loginFields } from '../connectors';
import { buildAuthParams, readField } from '../helpers/connectionBody';
import { loginInput } from '../helpers/databaseLogin';

type Choice = (typeof AUTH_CHOICES)[number];

/** Stand-ins for the fields a connector takes from the node, so that only the credential's are judged. */
function notLogin(connector: Choice): Partial<Record<FieldKey, unknown>> {
	return Object.fromEntries(connector.fields.filter((key) => !FIELDS[key].login).map((key) => [key, FIELDS[key].kind === 'boolean' ? false : 'x']));
}

/** The first problem of a field filled in the credential, whatever the connector: a bad port is bad for all. */
function filledFieldProblem(login: ICredentialDataDecryptedObject): string | undefined {
	for (const key of loginFields()) {
		if (login[key] === undefined || login[key] === '') continue;
		try {
			readField(AUTH_CHOICES.find((c) => c.fields.includes(key))!, key, login[key], true);
		} catch (error) {
			return (error as Error).message;
		}
	}
	return undefined;
}

const names = (choices: Choice[]) => [...new Set(choices.map((c) => c.displayName))];

/**
 * The Platform, not n8n, connects to the source database (from Adobe's network, when a connection is
 * created or tested), and this credential alone cannot reach the Platform: so the test checks what can
 * be checked here — that what is filled in is well formed, and complete for some connector — with the
 * readers Create uses, and says which connectors it fits.
 */
export async function testDatabaseLogin(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const login = credential.data ?? {};
	const whole = login.loginInput === 'connectionString';
	const problem = whole ? undefined : filledFieldProblem(login);
	if (problem) return { status: 'Error', message: problem };
	const fits: Choice[] = [];
	/** Connectors whose connection string has a form of its own: taken as given, not checked here. */
	const unchecked: Choice[] = [];
	const failures: Array<{ choice: Choice; message: string }> = [];
	for (const connector of AUTH_CHOICES) {
		// A login fits a connector that takes something from the credential (the rest is typed in the node).
		if (!whole && !connector.fields.some((key) => FIELDS[key].login)) continue;
		const input = loginInput(connector, login);
		if (!input) continue;
		try {
			buildAuthParams(connector, { ...input, values: { ...notLogin(connector), ...input.values } });
			(whole && connector.layout.type !== 'connectionString' ? unchecked : fits).push(connector);
		} catch (error) {
			failures.push({ choice: connector, message: (error as Error).message });
		}
	}
	// A whole string that names keys of some connector but fits none is that connector's, incomplete.
	// Fields: the failure of the connector that uses the most of what was filled in.
	const filled = (choice: Choice) => choice.fields.filter((key) => FIELDS[key].login && login[key] !== undefined && login[key] !== '').length;
	const nearest = whole
		? failures.find(({ choice }) => choice.layout.type === 'connectionString' && sharesKey(choice, String(login.connectionString ?? '')))
		: [...failures].sort((a, b) => filled(b.choice) - filled(a.choice))[0];
	if (fits.length === 0 && (nearest || unchecked.length === 0)) return { status: 'Error', message: (nearest ?? failures[0])?.message ?? 'The login fits no connector' };
	const parts = [
		...(fits.length ? [`Complete for ${names(fits).join(', ')}.`] : []),
		...(unchecked.length ? [`Taken as given by ${names(unchecked).join(', ')} (their connection strings are not checked here).`] : []),
	];
	return { status: 'OK', message: `${parts.join(' ')} Adobe signs in to the database when a connection is created: run Connection → Test to see it reach the data.` };
}

/** Whether a connection string names at least one of the connector's documented keys. */
function sharesKey(connector: Choice, text: string): boolean {
	if (connector.layout.type !== 'connectionString') return false;
	const given = new Set(text.split(';').map((pair) => pair.split('=')[0].trim().toUpperCase()));
	return connector.layout.keys.some(([key]) => given.has(key.toUpperCase()));
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
