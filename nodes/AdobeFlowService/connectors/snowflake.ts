/** Snowflake — Adobe's tutorial: help/sources/tutorials/api/create/databases/snowflake.md */
import { AWS_ONLY, FIVE } from './shared';
import type { ConnectorEntry } from './types';

export const snowflake: ConnectorEntry = {
	key: 'snowflake',
	displayName: 'Snowflake',
	summary: 'A Snowflake warehouse, by connection string, key pair or (on AWS) login',
	connectionSpecId: 'b2e08744-4f1a-40ce-af30-7abac3e23cf3',
	connectionSpecVersion: '1.0',
	doc: 'snowflake.md',
	auths: [
		{
			key: 'connectionString',
			displayName: 'Connection String',
			description: 'Account, login, database and warehouse, written into the connection URL for you',
			specName: 'ConnectionString',
			fields: ['account', 'username', 'password', 'database', 'warehouse'],
			hints: { account: 'Account name, as in {account}.snowflakecomputing.com' },
			layout: {
				type: 'template',
				param: 'connectionString',
				template: 'jdbc:snowflake://<account>.snowflakecomputing.com/?user=<username>&password=<password>&db=<database>&warehouse=<warehouse>',
				family: 'jdbcUrl',
				evidence: 'The page\'s string is a JDBC URL (jdbc:snowflake://…/?user=…&password=…), whose query values are percent-encoded',
			},
			acceptsWholeConnectionString: true,
		},
		{
			key: 'keyPair',
			displayName: 'Key Pair',
			description: 'Account, user, database, warehouse and private key',
			specName: 'KeyPair Authentication',
			fields: ['account', 'username', 'database', 'warehouse', 'privateKey', 'privateKeyPassphrase'],
			optional: ['privateKeyPassphrase'],
			hints: { account: 'Account identifier, orgname-account_name' },
			layout: {
				type: 'params',
				params: { account: 'account', username: 'username', database: 'database', privateKey: 'privateKey', privateKeyPassphrase: 'privateKeyPassphrase', warehouse: 'warehouse' },
			},
		},
		{
			key: 'basic',
			displayName: 'Basic Authentication (AWS)',
			description: 'Host, port, login, database, warehouse and schema: Experience Platform on AWS',
			specName: 'Basic Authentication',
			fields: [...FIVE, 'warehouse', 'dbSchema'],
			defaults: { port: 443 },
			hints: { host: 'Snowflake host, e.g. myorg-account1.snowflakecomputing.com' },
			layout: {
				type: 'params',
				params: { host: 'host', port: 'port', username: 'username', password: 'password', database: 'database', warehouse: 'warehouse', schema: 'dbSchema' },
			},
			notice: AWS_ONLY,
		},
	],
};
