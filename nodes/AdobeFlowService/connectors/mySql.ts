/** MySQL — Adobe's tutorial: help/sources/tutorials/api/create/databases/mysql.md */
import { FIVE, odbcMethod, SERVER_LOGIN } from './shared';
import type { ConnectorEntry } from './types';

export const mySql: ConnectorEntry = {
	key: 'mySql',
	displayName: 'MySQL',
	summary: 'A MySQL database, by connection string or server and login',
	connectionSpecId: '26d738e0-8963-47ea-aadf-c60de735468a',
	connectionSpecVersion: '1.0',
	doc: 'mysql.md',
	auths: [
		odbcMethod(
			'Connection String Based Authentication',
			['Server', 'Port', 'Database', 'UID', 'PWD'],
			3306,
			'mysql.md names no syntax; the keys are MariaDB\'s ODBC ones (UID and PWD are ODBC\'s own keywords, MySQL Connector/ODBC\'s too)',
		),
		{
			key: 'basic',
			displayName: 'Basic Authentication',
			description: 'Server, port, database, login and SSL mode',
			specName: 'Basic Authentication',
			fields: [...FIVE, 'sslMode'],
			optional: ['sslMode'],
			defaults: { port: 3306 },
			hints: { sslMode: 'How the Platform uses SSL to reach the server, e.g. DISABLED; true or false on Experience Platform on AWS. Empty: not sent' },
			layout: { type: 'params', params: { ...SERVER_LOGIN, sslMode: 'sslMode' } },
		},
	],
};
