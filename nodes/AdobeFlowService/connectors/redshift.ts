/** Amazon Redshift — Adobe's tutorial: help/sources/tutorials/api/create/databases/redshift.md */
import { FIVE, SERVER_LOGIN } from './shared';
import type { ConnectorEntry } from './types';

export const redshift: ConnectorEntry = {
	key: 'redshift',
	displayName: 'Amazon Redshift',
	summary: 'An Amazon Redshift cluster: server, port, database and login',
	connectionSpecId: '3416976c-a9ca-4bba-901a-1f08f66978ff',
	connectionSpecVersion: '1.0',
	doc: 'redshift.md',
	auths: [
		{
			key: 'basic',
			displayName: 'Basic Authentication',
			description: 'Server, port, database and login (Schema: Experience Platform on AWS)',
			specName: 'Basic Authentication',
			fields: [...FIVE, 'dbSchema'],
			optional: ['dbSchema'],
			defaults: { port: 5439 },
			hints: { dbSchema: 'Schema that holds the tables (Experience Platform on AWS; empty: not sent)' },
			layout: { type: 'params', params: { ...SERVER_LOGIN, schema: 'dbSchema' } },
		},
	],
};
