/** IBM DB2 — Adobe's tutorial: help/sources/tutorials/api/create/databases/ibm-db2.md */
import type { ConnectorEntry } from './types';

export const ibmDb2: ConnectorEntry = {
	key: 'ibmDb2',
	displayName: 'IBM DB2',
	summary: 'An IBM DB2 database: server, database and login (beta at Adobe)',
	connectionSpecId: '09182899-b429-40c9-a15a-bf3ddbc8ced7',
	connectionSpecVersion: '1.0',
	beta: true,
	doc: 'ibm-db2.md',
	auths: [
		{
			key: 'basic',
			displayName: 'Basic Authentication',
			description: 'Server, database and login',
			specName: 'Basic Authentication',
			fields: ['host', 'port', 'database', 'authenticationType', 'username', 'password'],
			optional: ['port'],
			defaults: { port: 50000 },
			layout: {
				type: 'params',
				params: { server: { hostPort: ['host', 'port'] }, database: 'database', authenticationType: 'authenticationType', username: 'username', password: 'password' },
			},
		},
	],
	notice: 'The IBM DB2 source is in beta at Adobe',
};
