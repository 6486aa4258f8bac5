/** Microsoft SQL Server — Adobe's tutorial: help/sources/tutorials/api/create/databases/sql-server.md */
import { FIVE } from './shared';
import type { ConnectorEntry } from './types';

export const sqlServer: ConnectorEntry = {
	key: 'sqlServer',
	displayName: 'Microsoft SQL Server',
	summary: 'A Microsoft SQL Server database, sent as a connection string',
	connectionSpecId: '1f372ff9-38a4-4492-96f5-b9a4e4bd00ec',
	connectionSpecVersion: '1.0',
	doc: 'sql-server.md',
	auths: [
		{
			key: 'connectionString',
			displayName: 'Connection String',
			description: 'Server, port, database and login, written into the connection string for you',
			specName: 'Connection String Based Authentication',
			fields: [...FIVE],
			optional: ['port'],
			hints: { host: 'Server or instance name, e.g. sql.example.com or sql.example.com\\SALES', port: 'TCP port (empty: the server\'s usual one)' },
			layout: {
				type: 'connectionString',
				param: 'connectionString',
				family: 'sqlClient',
				evidence: 'Data Source, Initial Catalog, Integrated Security and User ID are SqlClient (ADO.NET) keywords; sql-server.md sends the reader to Microsoft\'s ADO.NET page for the string',
				keys: [
					['Data Source', { hostPort: ['host', 'port'], separator: ',' }],
					['Initial Catalog', 'database'],
					['Integrated Security', { value: 'False' }],
					['User ID', 'username'],
					['Password', 'password'],
				],
			},
			acceptsWholeConnectionString: true,
		},
	],
};
