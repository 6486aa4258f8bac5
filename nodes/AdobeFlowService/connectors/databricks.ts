/** Azure Databricks — Adobe's tutorial: help/sources/tutorials/api/create/databases/databricks.md */
import type { ConnectorEntry } from './types';

export const databricks: ConnectorEntry = {
	key: 'databricks',
	displayName: 'Azure Databricks',
	summary: 'An Azure Databricks workspace: cluster, database and access token',
	connectionSpecId: 'e9d7ec6b-0873-4e57-ad21-b3a7c65e310b',
	connectionSpecVersion: '1.0',
	doc: 'databricks.md',
	auths: [
		{
			key: 'accessToken',
			displayName: 'Access Token',
			description: 'Workspace, cluster, database and access token',
			specName: 'Access Token Authentication',
			fields: ['domain', 'clusterId', 'accessToken', 'database'],
			hints: { database: 'Name of the database in the delta lake' },
			layout: { type: 'params', params: { domain: 'domain', clusterId: 'clusterId', accessToken: 'accessToken', database: 'database' } },
		},
	],
};
