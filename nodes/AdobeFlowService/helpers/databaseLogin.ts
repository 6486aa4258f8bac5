/** The Database Login credential read for one connector, as Create and the credential's test read it. */
import type { ICredentialDataDecryptedObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { Connector } from '../connectors';
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

/** The whole-connection-string field, said once for the credential and for a login typed into the node. */
export function connectionStringProperty(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Connection String',
		name: 'connectionString',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		placeholder: 'e.g. HOST=db.example.com;PORT=5432;DB=sales;UID=reader;PWD={p;ss}',
		description: 'Connection string as the Platform expects it. A value holding ; = { or } goes in braces, with } doubled.',
		displayOptions,
	};
}
