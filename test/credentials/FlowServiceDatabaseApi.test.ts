import { NodeHelpers } from 'n8n-workflow';

import { FlowServiceDatabaseApi } from '../../credentials/FlowServiceDatabaseApi.credentials';
import { loginKindOf } from '../../nodes/AdobeFlowService/helpers/databaseLogin';
import { AUTH_CHOICES, DATABASE_LOGIN, FIELDS } from '../../nodes/AdobeFlowService/connectors';

const credential = new FlowServiceDatabaseApi();
const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));

test('its type is the one the node reads, and a search for "Adobe" finds it', () => {
	expect(credential.name).toBe(DATABASE_LOGIN);
	expect(credential.displayName).toMatch(/^Adobe Experience Platform /);
});

test('it asks for every login field some connector uses, described as in connectors.ts, the Other Secrets, and nothing else', () => {
	const used = new Set(AUTH_CHOICES.flatMap((c) => c.fields).filter((key) => FIELDS[key].login));
	const fields = credential.properties.filter((p) => !['loginInput', 'connectionString', 'otherSecrets'].includes(p.name));
	expect(byName.otherSecrets.typeOptions?.password).toBe(true);
	expect(new Set(fields.map((p) => p.name))).toEqual(used);
	for (const field of fields) expect(field.displayName).toBe(FIELDS[field.name as keyof typeof FIELDS].displayName);
	expect(byName.authenticationType).toBeUndefined();
});

test('secrets are password fields; the port may stay empty', () => {
	expect(byName.password.typeOptions?.password).toBe(true);
	expect(byName.connectionString.typeOptions?.password).toBe(true);
	for (const key of ['accessToken', 'servicePrincipalKey', 'clientSecret', 'refreshToken', 'keyFileContent', 'privateKey', 'accountKey']) expect(byName[key].typeOptions?.password).toBe(true);
	// Each connector needs only some of the fields: none is required here, Create names what is missing.
	expect(credential.properties.filter((p) => p.required && p.name !== 'connectionString')).toEqual([]);
	expect(byName.accessToken.description).toContain('Azure Databricks');
});

test('a whole connection string is offered, naming the connectors that take one', () => {
	expect(byName.loginInput.default).toBe('fields');
	const option = (byName.loginInput.options as Array<{ value: string; description: string }>).find((o) => o.value === 'connectionString')!;
	expect(option.description).toContain('GreenPlum');
	expect(option.description).not.toContain('DB2');
	expect(byName.connectionString.displayOptions?.show).toEqual({ loginInput: ['connectionString'] });
	expect(byName.password.displayOptions?.show).toEqual({ loginInput: ['fields'] });
});

describe('each kind of login shows its own fields and none of the others', () => {
	/** The fields n8n shows (and keeps) for a Login Input: n8n-workflow's own display rules. */
	const shown = (loginInput: string) => Object.keys(NodeHelpers.getNodeParameters(credential.properties, { loginInput }, true, false, null, null)!).filter((name) => name !== 'loginInput');
	const expected: Record<string, string[]> = {
		fields: ['host', 'port', 'database', 'username', 'password'],
		connectionString: ['connectionString'],
		keyPair: ['database', 'username', 'privateKey', 'privateKeyPassphrase'],
		accessToken: ['database', 'accessToken'],
		servicePrincipal: ['host', 'database', 'servicePrincipalKey'],
		refreshToken: ['clientSecret', 'refreshToken'],
		keyFile: ['keyFileContent'],
		accountKey: ['accountKey'],
		other: ['otherSecrets'],
	};
	test.each(Object.entries(expected))('%s', (kind, fields) => {
		expect(shown(kind).sort()).toEqual([...fields].sort());
	});

	test('every connector signs in with one kind, whose fields hold all its login', () => {
		expect((byName.loginInput.options as Array<{ value: string }>).map((o) => o.value)).toEqual(Object.keys(expected));
		for (const choice of AUTH_CHOICES) {
			const login = choice.fields.filter((key) => FIELDS[key].login);
			expect([choice.key, choice.authKey, login.filter((key) => !shown(loginKindOf(choice)).includes(key))]).toEqual([choice.key, choice.authKey, []]);
		}
	});
});
