/** Couchbase — Adobe's tutorial: help/sources/tutorials/api/create/databases/couchbase.md */
import { BETA } from './shared';
import type { ConnectorEntry } from './types';

export const couchbase: ConnectorEntry = {
	key: 'couchbase',
	displayName: 'Couchbase',
	summary: 'A Couchbase server, by connection string (beta at Adobe)',
	connectionSpecId: '1fe283f6-9bec-11ea-bb37-0242ac130002',
	connectionSpecVersion: '1.0',
	beta: true,
	doc: 'couchbase.md',
	auths: [
		{
			key: 'connectionString',
			displayName: 'Connection String',
			description: 'Server, port and login, written into the connection string for you',
			specName: 'Connection String Based Authentication',
			fields: ['host', 'port', 'username', 'password'],
			layout: {
				type: 'template',
				param: 'connectionString',
				template: 'Server=<host>; Port=<port>;AuthMech=1;CredString=[{"user": "<username>", "pass":"<password>"}];',
				family: 'jsonCredString',
				evidence: 'AuthMech and CredString are keys of the Simba Couchbase ODBC driver; the page writes CredString\'s JSON bare, not in braces',
			},
			acceptsWholeConnectionString: true,
		},
	],
	notice: BETA,
};
