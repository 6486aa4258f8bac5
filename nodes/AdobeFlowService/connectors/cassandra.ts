/** Apache Cassandra — Adobe's tutorial: help/sources/tutorials/api/create/databases/cassandra.md */
import type { ConnectorEntry } from './types';

export const cassandra: ConnectorEntry = {
	key: 'cassandra',
	displayName: 'Apache Cassandra',
	summary: 'An Apache Cassandra cluster: host, port and login',
	connectionSpecId: 'a8f4d393-1a6b-43f3-931f-91a16ed857f4',
	connectionSpecVersion: '1.0',
	doc: 'cassandra.md',
	auths: [
		{
			key: 'basic',
			displayName: 'Basic Authentication',
			description: 'Host, port and login',
			specName: 'Basic Authentication',
			fields: ['host', 'port', 'username', 'password'],
			defaults: { port: 9042 },
			layout: { type: 'params', params: { host: 'host', port: 'port', username: 'username', password: 'password' } },
		},
	],
};
