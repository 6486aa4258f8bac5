/** Azure Data Explorer — Adobe's tutorial: help/sources/tutorials/api/create/databases/data-explorer.md */
import type { ConnectorEntry } from './types';

export const azureDataExplorer: ConnectorEntry = {
	key: 'azureDataExplorer',
	displayName: 'Azure Data Explorer',
	summary: 'An Azure Data Explorer cluster, with a service principal',
	connectionSpecId: '0479cc14-7651-4354-b233-7480606c2ac3',
	connectionSpecVersion: '1.0',
	doc: 'data-explorer.md',
	auths: [
		{
			key: 'servicePrincipal',
			displayName: 'Service Principal',
			description: 'Endpoint, database, tenant and service principal',
			specName: 'Service Principal Based Authentication',
			fields: ['endpoint', 'database', 'tenant', 'servicePrincipalId', 'servicePrincipalKey'],
			layout: {
				type: 'params',
				params: { endpoint: 'endpoint', database: 'database', tenant: 'tenant', servicePrincipalId: 'servicePrincipalId', servicePrincipalKey: 'servicePrincipalKey' },
			},
		},
	],
};
