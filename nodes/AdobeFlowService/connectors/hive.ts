/** Apache Hive on Azure HDInsights — Adobe's tutorial: help/sources/tutorials/api/create/databases/hive.md */
import { BETA } from './shared';
import type { ConnectorEntry } from './types';

export const hive: ConnectorEntry = {
	key: 'hive',
	displayName: 'Apache Hive on Azure HDInsights',
	summary: 'Apache Hive on Azure HDInsights, by connection string (beta at Adobe)',
	connectionSpecId: 'aac9bbd4-6c01-46ce-b47e-51c6f0f6db3f',
	connectionSpecVersion: '1.0',
	beta: true,
	doc: 'hive.md',
	auths: [
		{
			key: 'connectionString',
			displayName: 'Connection String',
			description: 'A whole connection string, sent as given',
			specName: 'HDInsights Basic Authentication',
			fields: [],
			layout: { type: 'whole', param: 'connectionString', evidence: 'hive.md gives no form for the string (its body sends {CONNECTION_STRING})' },
			acceptsWholeConnectionString: true,
		},
	],
	notice: BETA,
};
