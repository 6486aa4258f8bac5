/** The Database Login credential read for one connector, as Create and the credential's test read it. */
import type { ICredentialDataDecryptedObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { AuthLayout, Connector } from '../connectors';
import { FIELDS } from '../connectors';
import type { AuthInput } from './connectionBody';

/**
 * The connector's login values from the credential (a port left empty: the connector's usual one),
 * or its whole connection string; undefined when the credential holds a connection string and the
 * connector takes none.
 */
export function loginInput(connector: Connector, login: ICredentialDataDecryptedObject): AuthInput | undefined {
	if (login.loginInput === 'connectionString') {
		return connector.acceptsWholeConnectionString ? { values: {}, connectionString: login.connectionString, fromCredential: true } : undefined;
	}
	const values: AuthInput['values'] = {};
	for (const key of connector.fields) {
		if (!FIELDS[key].login) continue;
		const value = login[key];
		values[key] = FIELDS[key].kind === 'port' && (value === undefined || value === '') ? connector.defaults?.[key] : value;
	}
	return { values, fromCredential: true };
}

/** How a whole string is written, by its family; for the credential (no layout), every family of `KEY=value` strings. */
function wholeStringHelp(layout: AuthLayout | undefined): { placeholder: string; description: string } {
	const odbc = 'a value holding ; = { or } goes in braces, with } doubled';
	const sqlClient = 'a value holding ; or a quote goes in double quotes, with " doubled';
	if (!layout) {
		return {
			placeholder: 'e.g. HOST=db.example.com;PORT=5432;DB=sales;UID=reader;PWD={p;ss}',
			description: `Connection string as the Platform expects it for the connector. ODBC-style strings: ${odbc}. SQL Server and Synapse (SqlClient): ${sqlClient}.`,
		};
	}
	if (layout.type === 'connectionString' && layout.family === 'sqlClient') {
		return {
			placeholder: 'e.g. Data Source=sql.example.com;Initial Catalog=sales;User ID=reader;Password="p;ss"',
			description: `Connection string as the Platform expects it (SqlClient): ${sqlClient}.`,
		};
	}
	if (layout.type === 'template') return { placeholder: `e.g. ${layout.template}`, description: 'Connection string as the Platform expects it, sent as given.' };
	if (layout.type === 'whole') return { placeholder: '', description: 'Connection string as the Platform expects it, sent as given.' };
	return {
		placeholder: 'e.g. HOST=db.example.com;PORT=5432;DB=sales;UID=reader;PWD={p;ss}',
		description: `Connection string as the Platform expects it: ${odbc}.`,
	};
}

/** The whole-connection-string field, said once for the credential and for a login typed into the node (with the connector's layout). */
export function connectionStringProperty(displayOptions: IDisplayOptions, layout?: AuthLayout): INodeProperties {
	const { placeholder, description } = wholeStringHelp(layout);
	return {
		displayName: 'Connection String',
		name: 'connectionString',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		...(placeholder ? { placeholder } : {}),
		description,
		displayOptions,
	};
}
