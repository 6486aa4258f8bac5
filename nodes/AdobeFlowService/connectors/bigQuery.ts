/** Google BigQuery — Adobe's tutorial: help/sources/tutorials/api/create/databases/bigquery.md */
import type { ConnectorEntry } from './types';

export const bigQuery: ConnectorEntry = {
	key: 'bigQuery',
	displayName: 'Google BigQuery',
	summary: 'A Google BigQuery project, by OAuth refresh token or service account key',
	connectionSpecId: '3c9b37f8-13a6-43d8-bad3-b863b941fedd',
	connectionSpecVersion: '1.0',
	doc: 'bigquery.md',
	auths: [
		{
			key: 'oauth',
			displayName: 'OAuth 2.0',
			description: 'Project, OAuth client and refresh token',
			specName: 'Basic Authentication',
			authType: 'OAuth2.0',
			fields: ['project', 'clientId', 'clientSecret', 'refreshToken', 'largeResultsDataSetId'],
			optional: ['largeResultsDataSetId'],
			layout: {
				type: 'params',
				params: { project: 'project', clientId: 'clientId', clientSecret: 'clientSecret', refreshToken: 'refreshToken', largeResultsDataSetId: 'largeResultsDataSetId' },
			},
		},
		{
			key: 'serviceAccount',
			displayName: 'Service Account',
			description: 'Project and the service account\'s key file',
			specName: 'Service Authentication',
			fields: ['project', 'keyFileContent', 'largeResultsDataSetId', 'datasetId'],
			optional: ['largeResultsDataSetId', 'datasetId'],
			layout: {
				type: 'params',
				params: { projectId: 'project', keyFileContent: 'keyFileContent', largeResultsDataSetId: 'largeResultsDataSetId', datasetId: 'datasetId' },
			},
		},
	],
};
