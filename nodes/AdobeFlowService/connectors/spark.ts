/** Apache Spark on Azure HDInsights — Adobe's tutorial: help/sources/tutorials/api/create/databases/spark.md */
import { BETA } from './shared';
import type { ConnectorEntry } from './types';

export const spark: ConnectorEntry = {
	key: 'spark',
	displayName: 'Apache Spark on Azure HDInsights',
	summary: 'Apache Spark on Azure HDInsights: host and login (beta at Adobe)',
	connectionSpecId: '6a8d82bc-1caf-45d1-908d-cadabc9d63a6',
	connectionSpecVersion: '1.0',
	beta: true,
	doc: 'spark.md',
	auths: [
		{
			key: 'basic',
			displayName: 'HDInsights Basic Authentication',
			description: 'Host and login',
			specName: 'HDInsights Basic Authentication',
			fields: ['host', 'username', 'password'],
			layout: { type: 'params', params: { host: 'host', username: 'username', password: 'password' } },
		},
	],
	notice: BETA,
};
