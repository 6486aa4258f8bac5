/** PostgreSQL — Adobe's tutorial: help/sources/tutorials/api/create/databases/postgres.md */
import { FIVE, SERVER_LOGIN } from './shared';
import type { ConnectorEntry } from './types';

export const postgreSql: ConnectorEntry = {
	key: 'postgreSql',
	displayName: 'PostgreSQL',
	summary: 'A PostgreSQL database, by connection string or server and login',
	connectionSpecId: '74a1c565-4e59-48d7-9d67-7c03b8a13137',
	connectionSpecVersion: '1.0',
	doc: 'postgres.md',
	auths: [
		{
			key: 'connectionString',
			displayName: 'Connection String',
			description: 'Server, port, database and login, written into the connection string for you',
			specName: 'Connection String Based Authentication',
			fields: [...FIVE],
			defaults: { port: 5432 },
			layout: {
				type: 'connectionString',
				param: 'connectionString',
				family: 'odbc',
				evidence: 'An earlier postgres.md (source commit 37a5f03) shows the auth spec: "An ODBC connection string to connect to Azure Database for PostgreSQL"',
				keys: [
					['Server', 'host'],
					['Database', 'database'],
					['Port', 'port'],
					['UID', 'username'],
					['Password', 'password'],
				],
			},
			acceptsWholeConnectionString: true,
		},
		{
			key: 'basic',
			displayName: 'Basic Authentication',
			description: 'Server, port, database, login and SSL mode',
			specName: 'Basic Authentication',
			fields: [...FIVE, 'sslMode'],
			defaults: { port: 5432, sslMode: 'Prefer' },
			hints: { sslMode: 'One of Disable, Allow, Prefer, Require, Verify Ca, Verify Full' },
			layout: { type: 'params', params: { ...SERVER_LOGIN, sslMode: 'sslMode' } },
		},
	],
};
