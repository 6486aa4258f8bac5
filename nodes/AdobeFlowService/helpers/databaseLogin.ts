/** The Database Login credential read for one connector, as Create and the credential's test read it. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

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
