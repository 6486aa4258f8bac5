/** MariaDB — Adobe's tutorial: help/sources/tutorials/api/create/databases/mariadb.md */
import { odbcMethod } from './shared';
import type { ConnectorEntry } from './types';

export const mariaDb: ConnectorEntry = {
	key: 'mariaDb',
	displayName: 'MariaDB',
	summary: 'A MariaDB database, by connection string or server and login',
	connectionSpecId: '3000eb99-cd47-43f3-827c-43caf170f015',
	connectionSpecVersion: '1.0',
	doc: 'mariadb.md',
	auths: [
		odbcMethod(
			'Connection String Based Authentication',
			['Server', 'Port', 'Database', 'UID', 'PWD'],
			3306,
			'mariadb.md sends the reader to MariaDB Connector/ODBC for the string; Azure Data Factory\'s MariaDB connector calls this string "an ODBC connection string"',
		),
		{
			key: 'basic',
			displayName: 'Basic Authentication',
			description: 'Server, database, login and SSL mode (this way takes no port)',
			specName: 'Basic Authentication',
			fields: ['host', 'database', 'username', 'password', 'sslMode'],
			// Always sent: mariadb.md's Basic body has sslMode and does not call it optional, but gives no value.
			// PREFERRED (encrypt where the server can) is the default of the SSL modes Azure Data Factory documents
			// for this sslMode; mysql.md's twin body sends DISABLED, which a server that demands TLS refuses.
			defaults: { sslMode: 'PREFERRED' },
			hints: { sslMode: 'How the Platform uses SSL to reach the server: DISABLED, PREFERRED (encrypts where the server can), REQUIRED, VERIFY_CA or VERIFY_IDENTITY' },
			layout: { type: 'params', params: { server: 'host', database: 'database', username: 'username', password: 'password', sslMode: 'sslMode' } },
		},
	],
};
