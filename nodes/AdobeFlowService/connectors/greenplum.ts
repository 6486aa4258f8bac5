/** GreenPlum — Adobe's tutorial: help/sources/tutorials/api/create/databases/greenplum.md */
import { odbcMethod } from './shared';
import type { ConnectorEntry } from './types';

export const greenplum: ConnectorEntry = {
	key: 'greenplum',
	displayName: 'GreenPlum',
	summary: 'A GreenPlum database, sent as a connection string',
	connectionSpecId: '37b6bf40-d318-4655-90be-5cd6f65d334b',
	connectionSpecVersion: '1.0',
	doc: 'greenplum.md',
	auths: [
		odbcMethod(
			'Basic Authentication',
			['HOST', 'PORT', 'DB', 'UID', 'PWD'],
			5432,
			'Azure Data Factory\'s Greenplum connector, whose string this is (HOST, PORT, DB, UID, PWD), calls it "an ODBC connection string"; UID and PWD are ODBC\'s own keywords',
		),
	],
};
