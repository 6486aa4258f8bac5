/** Teradata Vantage — Adobe's tutorial: help/sources/tutorials/api/create/databases/teradata-vantage.md */
import { BETA } from './shared';
import type { ConnectorEntry } from './types';

export const teradata: ConnectorEntry = {
	key: 'teradata',
	displayName: 'Teradata Vantage',
	summary: 'A Teradata Vantage system, sent as a connection string (beta at Adobe)',
	connectionSpecId: '2fa8af9c-2d1a-43ea-a253-f00a00c74412',
	connectionSpecVersion: '1.0',
	beta: true,
	doc: 'teradata-vantage.md',
	auths: [
		{
			key: 'connectionString',
			displayName: 'Connection String',
			description: 'Host and login, written into the connection string for you',
			specName: 'ConnectionString',
			fields: ['host', 'username', 'password'],
			hints: { host: 'Name or IP address of the Teradata system (DBCName)' },
			layout: {
				type: 'connectionString',
				param: 'connectionString',
				family: 'odbc',
				evidence: 'DBCName, Uid and Pwd are the Teradata ODBC driver\'s keywords; teradata-vantage.md names no syntax',
				keys: [
					['DBCName', 'host'],
					['Uid', 'username'],
					['Pwd', 'password'],
				],
			},
			acceptsWholeConnectionString: true,
		},
	],
	notice: BETA,
};
