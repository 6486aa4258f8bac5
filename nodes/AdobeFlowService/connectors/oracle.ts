/** Oracle DB — Adobe's tutorial: help/sources/tutorials/api/create/databases/oracle.md */
import { AWS_ONLY, FIVE, SERVER_LOGIN } from './shared';
import type { ConnectorEntry } from './types';

export const oracle: ConnectorEntry = {
	key: 'oracle',
	displayName: 'Oracle DB',
	summary: 'An Oracle database, by connection string or (on AWS) server and login',
	connectionSpecId: 'd6b52d86-f0f8-475f-89d4-ce54c8527328',
	connectionSpecVersion: '1.0',
	doc: 'oracle.md',
	auths: [
		{
			key: 'connectionString',
			displayName: 'Connection String',
			description: 'Host, port, SID and login, written into the connection string for you',
			specName: 'ConnectionString',
			fields: ['host', 'port', 'sid', 'username', 'password'],
			defaults: { port: 1521 },
			layout: {
				type: 'connectionString',
				param: 'connectionString',
				family: 'odbc',
				evidence: 'oracle.md names no syntax, nor does Azure Data Factory\'s Oracle connector, whose keys these are: braces, as before, until a page says otherwise',
				keys: [
					['Host', 'host'],
					['Port', 'port'],
					['Sid', 'sid'],
					['UserId', 'username'],
					['Password', 'password'],
				],
			},
			acceptsWholeConnectionString: true,
		},
		{
			key: 'basic',
			displayName: 'Basic Authentication (AWS)',
			description: 'Server, port, instance, login, schema and SSL mode: Experience Platform on AWS',
			specName: 'Basic Authentication',
			fields: [...FIVE, 'dbSchema', 'sslMode'],
			optional: ['sslMode'],
			defaults: { port: 1521, sslMode: 'true' },
			hints: { database: 'Name of the Oracle DB instance', sslMode: 'Whether SSL is enforced: true or false' },
			layout: { type: 'params', params: { ...SERVER_LOGIN, schema: 'dbSchema', sslMode: 'sslMode' } },
			notice: AWS_ONLY,
		},
	],
};
