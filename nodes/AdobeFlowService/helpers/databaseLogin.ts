/** The Database Login credential read for one connector, as Create and the credential's test read it. */
import type { ICredentialDataDecryptedObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { AuthLayout, Connector } from '../connectors';
import { FIELDS } from '../connectors';
import type { AuthInput } from './connectionBody';

/**
 * The kinds of login the Database Login credential holds, its Login Input: each shows only its own
 * fields. A connector's kind is that of the secret it signs in with (a password unless it takes a
 * key or token); a whole connection string and Other's secrets are kinds of their own.
 */
export const LOGIN_KINDS = [
	{ value: 'fields', name: 'Username and Password', description: 'Host, port, database, username and password', secret: 'password' },
	{ value: 'connectionString', name: 'Whole Connection String', description: 'A whole connection string, for the connectors that take one' },
	{ value: 'keyPair', name: 'Key Pair', description: 'A username and a private key (Snowflake)', secret: 'privateKey' },
	{ value: 'accessToken', name: 'Access Token', description: 'A personal access token (Azure Databricks)', secret: 'accessToken' },
	{ value: 'servicePrincipal', name: 'Service Principal Key', description: 'The key of an Azure AD application (Azure Data Explorer, Synapse)', secret: 'servicePrincipalKey' },
	{ value: 'refreshToken', name: 'OAuth Refresh Token', description: 'A client secret and refresh token (Google BigQuery)', secret: 'refreshToken' },
	{ value: 'keyFile', name: 'Service Account Key File', description: "A service account's key file (Google BigQuery)", secret: 'keyFileContent' },
	{ value: 'accountKey', name: 'Account Key', description: 'A storage account key (Azure Table Storage)', secret: 'accountKey' },
	{ value: 'other', name: 'Other Secrets', description: 'The secrets of a connector taken by its connection spec (Other), by their names' },
] as const;

export type LoginKind = (typeof LOGIN_KINDS)[number]['value'];

/** The kind of login a connector's fields sign in with: that of its secret. */
export function loginKindOf(connector: Pick<Connector, 'fields'>): LoginKind {
	return LOGIN_KINDS.find((kind) => 'secret' in kind && (connector.fields as string[]).includes(kind.secret))?.value ?? 'fields';
}

export const loginKindName = (kind: unknown) => LOGIN_KINDS.find((k) => k.value === kind)?.name ?? String(kind);

/**
 * The connector's login values from the credential (a port left empty: the connector's usual one),
 * or its whole connection string; undefined when the credential holds a kind of login the connector
 * does not take (a connection string where it takes none, an access token where it takes a password…).
 */
export function loginInput(connector: Connector, login: ICredentialDataDecryptedObject): AuthInput | undefined {
	if (login.loginInput === 'connectionString') {
		return connector.acceptsWholeConnectionString ? { values: {}, connectionString: login.connectionString, fromCredential: true } : undefined;
	}
	if ((login.loginInput ?? 'fields') !== loginKindOf(connector)) return undefined;
	const values: AuthInput['values'] = {};
	for (const key of connector.fields) {
		if (!FIELDS[key].login) continue;
		const value = login[key];
		values[key] = FIELDS[key].kind === 'port' && (value === undefined || value === '') ? connector.defaults?.[key] : value;
	}
	return { values, fromCredential: true };
}

/**
 * How a whole string is written, by its family; for the credential (no layout), every family of
 * `KEY=value` strings. The quoting goes in the hint, under the field, where it is read while typing.
 */
function wholeStringHelp(layout: AuthLayout | undefined): { placeholder: string; description: string; hint?: string } {
	const odbc = 'a value holding ; = { or } goes in braces, with } doubled: PWD={p;ss}';
	const sqlClient = 'a value holding ; or a quote goes in double quotes, with " doubled: Password="p;ss"';
	const description = 'The whole connection string, sent to the Platform as written here';
	if (!layout) {
		return {
			placeholder: 'e.g. HOST=db.example.com;PORT=5432;DB=sales;UID=reader;PWD={p;ss}',
			description,
			hint: `Most connectors: ${odbc}. SQL Server and Synapse: ${sqlClient}.`,
		};
	}
	if (layout.type === 'connectionString' && layout.family === 'sqlClient') {
		return {
			placeholder: 'e.g. Data Source=sql.example.com;Initial Catalog=sales;User ID=reader;Password="p;ss"',
			description,
			hint: `${sqlClient[0].toUpperCase()}${sqlClient.slice(1)}`,
		};
	}
	if (layout.type === 'template') return { placeholder: `e.g. ${layout.template}`, description };
	if (layout.type === 'whole') return { placeholder: '', description };
	return {
		placeholder: 'e.g. HOST=db.example.com;PORT=5432;DB=sales;UID=reader;PWD={p;ss}',
		description,
		hint: `${odbc[0].toUpperCase()}${odbc.slice(1)}`,
	};
}

/** The whole-connection-string field, said once for the credential and for a login typed into the node (with the connector's layout). */
export function connectionStringProperty(displayOptions: IDisplayOptions, layout?: AuthLayout): INodeProperties {
	const { placeholder, description, hint } = wholeStringHelp(layout);
	return {
		displayName: 'Connection String',
		name: 'connectionString',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		...(placeholder ? { placeholder } : {}),
		description,
		...(hint ? { hint } : {}),
		displayOptions,
	};
}
