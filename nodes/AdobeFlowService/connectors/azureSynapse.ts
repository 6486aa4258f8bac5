/** Azure Synapse Analytics — Adobe's tutorial: help/sources/tutorials/api/create/databases/synapse-analytics.md */
import { FIVE } from './shared';
import type { ConnectorEntry } from './types';

export const azureSynapse: ConnectorEntry = {
	key: 'azureSynapse',
	displayName: 'Azure Synapse Analytics',
	summary: 'An Azure Synapse Analytics SQL pool, by connection string or service principal',
	connectionSpecId: 'a49bcc7d-8038-43af-b1e4-5a7a089a7d79',
	connectionSpecVersion: '1.0',
	doc: 'synapse-analytics.md',
	auths: [
		{
			key: 'connectionString',
			displayName: 'Connection String',
			description: 'Server, port, database and login, written into the connection string for you',
			specName: 'Connection String Based Authentication',
			fields: [...FIVE],
			defaults: { port: 1433 },
			hints: { host: 'Full name of the server, e.g. myserver.database.windows.net', username: 'User ID as user@server, e.g. reader@myserver' },
			layout: {
				type: 'connectionString',
				param: 'connectionString',
				family: 'sqlClient',
				evidence: 'Server=tcp:…,1433, User ID, Trusted_Connection, Encrypt and Connection Timeout: the ADO.NET (SqlClient) connection string Azure gives for a SQL endpoint',
				keys: [
					['Server', { hostPort: ['host', 'port'], separator: ',', prefix: 'tcp:' }],
					['Database', 'database'],
					['User ID', 'username'],
					['Password', 'password'],
					['Trusted_Connection', { value: 'False' }],
					['Encrypt', { value: 'True' }],
					['Connection Timeout', { value: '30' }],
				],
			},
			acceptsWholeConnectionString: true,
		},
		{
			key: 'servicePrincipal',
			displayName: 'Service Principal',
			description: 'Server, database, tenant and service principal',
			specName: 'Service Principal Key Based Authentication',
			fields: ['host', 'database', 'tenant', 'servicePrincipalId', 'servicePrincipalKey'],
			hints: { host: 'Fully qualified name of the server, e.g. myserver.database.windows.net' },
			layout: {
				type: 'params',
				params: { server: 'host', database: 'database', tenant: 'tenant', servicePrincipalId: 'servicePrincipalId', servicePrincipalKey: 'servicePrincipalKey' },
			},
		},
	],
};
