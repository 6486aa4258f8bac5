/** Azure Table Storage — Adobe's tutorial: help/sources/tutorials/api/create/databases/ats.md */
import { BETA } from './shared';
import type { ConnectorEntry } from './types';

export const azureTableStorage: ConnectorEntry = {
	key: 'azureTableStorage',
	displayName: 'Azure Table Storage',
	summary: 'An Azure storage account\'s tables, by account name and key (beta at Adobe)',
	connectionSpecId: 'ecde33f2-c56f-46cc-bdea-ad151c16cd69',
	connectionSpecVersion: '1.0',
	beta: true,
	doc: 'ats.md',
	auths: [
		{
			key: 'connectionString',
			displayName: 'Connection String',
			description: 'Account name and key, written into the connection string for you',
			specName: 'Connection String Based Authentication',
			fields: ['accountName', 'accountKey'],
			layout: {
				type: 'template',
				param: 'connectionString',
				template: 'DefaultEndpointsProtocol=https;AccountName=<accountName>;AccountKey=<accountKey>',
				family: 'azureStorage',
				evidence: 'DefaultEndpointsProtocol, AccountName and AccountKey make an Azure Storage connection string, which has no quoting',
			},
			acceptsWholeConnectionString: true,
		},
	],
	notice: BETA,
};
