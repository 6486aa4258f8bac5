/** HP Vertica — Adobe's tutorial: help/sources/tutorials/api/create/databases/hp-vertica.md */
import { BETA, odbcMethod } from './shared';
import type { ConnectorEntry } from './types';

export const hpVertica: ConnectorEntry = {
	key: 'hpVertica',
	displayName: 'HP Vertica',
	summary: 'An HP Vertica database, sent as a connection string (beta at Adobe)',
	connectionSpecId: 'a8b6a1a4-5735-42b4-952c-85dce0ac38b5',
	connectionSpecVersion: '1.0',
	beta: true,
	doc: 'hp-vertica.md',
	auths: [
		odbcMethod(
			'Connection String Based Authentication',
			['Server', 'Port', 'Database', 'UID', 'PWD'],
			5433,
			'Azure Data Factory\'s Vertica connector, whose string this is, calls it "an ODBC connection string"',
		),
	],
	notice: BETA,
};
