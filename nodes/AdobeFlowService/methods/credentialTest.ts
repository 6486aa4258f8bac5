/**
 * The Database Login credential's test: it makes no request (the Platform, not n8n, signs in to the
 * database), so it is code of the node's. The Flow Service credentials are tested by a request n8n
 * makes itself (their `test`).
 */
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import type { FieldKey } from '../connectors';
import { AUTH_CHOICES, FIELDS, loginFields } from '../connectors';
import { buildAuthParams, readField } from '../helpers/connectionBody';
import { otherSecrets } from '../actions/connection/otherConnector';
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
	if (login.loginInput === 'other') {
		try {
			const names = Object.keys(otherSecrets(login));
			return { status: 'OK', message: `Other Secrets holds ${names.length ? names.join(', ') : 'nothing yet'}: Connection → Create with Other (by Connection Spec) takes each by its name in the auth spec.` };
		} catch (error) {
			return { status: 'Error', message: (error as Error).message };
		}
	}
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
