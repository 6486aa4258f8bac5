/**
 * Every database source the node can create a connection for, as data: one entry per connector Adobe
 * documents in its Flow Service API tutorials (help/sources/tutorials/api/create/databases/), each with
 * the ways it authenticates. Adding a connector is adding an entry here; the UI fields, the request
 * body, the validation and the Database Login credential are all derived from it.
 */

/** A value the user types on the Create operation. */
export type FieldKey =
	| 'host'
	| 'port'
	| 'database'
	| 'username'
	| 'password'
	| 'authenticationType'
	| 'sid'
	| 'dbSchema'
	| 'warehouse'
	| 'account'
	| 'role'
	| 'sslMode'
	| 'endpoint'
	| 'domain'
	| 'clusterId'
	| 'tenant'
	| 'servicePrincipalId'
	| 'project'
	| 'clientId'
	| 'largeResultsDataSetId'
	| 'datasetId'
	| 'httpPath'
	| 'enableSsl'
	| 'accountName'
	| 'servicePrincipalKey'
	| 'accessToken'
	| 'clientSecret'
	| 'refreshToken'
	| 'keyFileContent'
	| 'privateKey'
	| 'privateKeyPassphrase'
	| 'accountKey';

export type FieldKind = 'host' | 'port' | 'text' | 'secret' | 'boolean';

export interface FieldSpec {
	displayName: string;
	kind: FieldKind;
	description: string;
	placeholder?: string;
	/** Text fields only: the value used when the user leaves it empty. */
	default?: string;
	/**
	 * Part of the database login: kept in the Database Login credential (encrypted by n8n), and
	 * typed into the node only when the user chooses to. Every secret is one.
	 */
	login?: true;
}

/** The n8n credential type that holds a database login (credentials/FlowServiceDatabaseApi.credentials.ts). */
export const DATABASE_LOGIN = 'flowServiceDatabaseApi';

const secret = (displayName: string, description: string): FieldSpec => ({ login: true, displayName, kind: 'secret', description: `${description}. Sent to Adobe only; never returned in output.` });
const text = (displayName: string, description: string, placeholder?: string): FieldSpec => ({ displayName, kind: 'text', description, ...(placeholder ? { placeholder } : {}) });

/** The shared catalogue of fields: one definition whatever the connector. */
export const FIELDS: Record<FieldKey, FieldSpec> = {
	host: {
		login: true,
		displayName: 'Host',
		kind: 'host',
		description: 'Host name or IP address of the database server, without scheme or path',
		placeholder: 'e.g. db.example.com',
	},
	port: {
		login: true,
		displayName: 'Port',
		kind: 'port',
		description: 'TCP port of the database server (1–65535)',
	},
	database: {
		login: true,
		displayName: 'Database',
		kind: 'text',
		description: 'Name of the database to connect to',
		placeholder: 'e.g. SAMPLE',
	},
	username: {
		login: true,
		displayName: 'Username',
		kind: 'text',
		description: 'User the Platform signs in as',
	},
	password: secret('Password', 'Password of that user'),
	authenticationType: {
		displayName: 'Authentication Type',
		kind: 'text',
		description: 'Authentication type the DB2 server expects',
		default: 'Basic',
	},
	sid: text('SID', 'System identifier (SID) of the Oracle instance', 'e.g. ORCL'),
	// Not `schema`: the Target Connection's schema locator has that name.
	dbSchema: text('Schema', 'Schema that holds the tables to read', 'e.g. PUBLIC'),
	warehouse: text('Warehouse', 'Snowflake warehouse that runs the queries', 'e.g. COMPUTE_WH'),
	account: text('Account', 'Snowflake account identifier', 'e.g. myorg-account1'),
	role: text('Role', 'Snowflake role to use (empty: public)'),
	sslMode: text('SSL Mode', 'Whether and how the Platform uses SSL/TLS to reach the server'),
	endpoint: text('Endpoint', 'Cluster URL of the Azure Data Explorer instance', 'e.g. https://mycluster.westeurope.kusto.windows.net'),
	domain: text('Domain', 'URL of the Databricks workspace', 'e.g. https://adb-1234567890123456.7.azuredatabricks.net'),
	clusterId: text('Cluster ID', 'ID of an existing interactive Databricks cluster'),
	tenant: text('Tenant', 'Azure tenant (directory) name or ID the service principal belongs to'),
	servicePrincipalId: text('Service Principal ID', "Application (client) ID of the Azure AD application"),
	project: text('Project', 'ID of the Google BigQuery project to read', 'e.g. my-project-123'),
	clientId: text('Client ID', 'OAuth client ID of the Google Cloud application'),
	largeResultsDataSetId: text('Large Results Dataset ID', 'BigQuery dataset that holds large results (optional)'),
	datasetId: text('Dataset ID', 'BigQuery dataset to read (Experience Platform on AWS)'),
	httpPath: text('HTTP Path', 'Partial URL of the Phoenix server', 'e.g. /hbasephoenix0'),
	enableSsl: { displayName: 'Enable SSL', kind: 'boolean', description: 'Whether the connection to the server is encrypted with SSL' },
	accountName: text('Account Name', 'Name of the Azure storage account'),
	servicePrincipalKey: secret('Service Principal Key', "Key (client secret) of the Azure AD application"),
	accessToken: secret('Access Token', 'Access token of the account'),
	clientSecret: secret('Client Secret', 'OAuth client secret of the application'),
	refreshToken: secret('Refresh Token', 'OAuth refresh token that grants access to the data'),
	keyFileContent: secret('Key File Content', 'Base64-encoded content of the service account\'s JSON key file'),
	privateKey: secret('Private Key', 'Base64-encoded private key (PEM) of the key pair'),
	privateKeyPassphrase: secret('Private Key Passphrase', 'Passphrase of an encrypted private key (empty for an unencrypted one)'),
	accountKey: secret('Account Key', 'Access key of the storage account'),
};

/** Where one value of the body comes from. */
export type ValueSource =
	| FieldKey
	/** A field sent as a JSON number or boolean rather than text. */
	| { field: FieldKey; as: 'number' | 'boolean' }
	/** Host and port joined (`host:port`, or as the connector writes it); the host alone when the port is empty. */
	| { hostPort: [FieldKey, FieldKey]; separator?: string; prefix?: string }
	/** A fixed value the documented body always has. */
	| { value: string };

/**
 * The grammar a connection string is read in, by the driver behind the connector: how a value holding
 * `;`, `=`, a brace, a quote or surrounding spaces is written (helpers/connectionString.ts writes each).
 * - `odbc`: ODBC's `KEY=value;…` (SQLDriverConnect). Such a value in braces, `}` doubled: `PWD={a;b}}c}`.
 * - `sqlClient`: ADO.NET's (SqlClient, Microsoft's "Connection String Syntax"). Braces are not quotes:
 *   such a value in double quotes, `"` doubled (`Password="a;b""c"`), or in single quotes where it holds
 *   a `"` and no `'`; white space at the ends of an unquoted value is dropped, so such a value is quoted.
 * - `jdbcUrl`: a JDBC URL; each value percent-encoded in its query.
 * - `azureStorage`: an Azure Storage string, split at `;` and the first `=`: nothing quotes, a `;` cannot be written.
 * - `jsonCredString`: ODBC pairs whose `CredString` holds JSON, not in braces: values JSON-escaped, a `;` cannot be written.
 */
export type PairFamily = 'odbc' | 'sqlClient';
export type TemplateFamily = 'jdbcUrl' | 'azureStorage' | 'jsonCredString';
export type ConnectionStringFamily = PairFamily | TemplateFamily;

export type AuthLayout =
	/** `auth.params` holds one key per value. An optional field left empty is left out. */
	| { type: 'params'; params: Record<string, ValueSource> }
	/**
	 * `auth.params` holds one connection string of `KEY=value` pairs, in the keys' order, written in
	 * `family`'s grammar; `evidence`: the page or spec that says the connector's string is of that family.
	 */
	| { type: 'connectionString'; param: string; family: PairFamily; evidence: string; keys: Array<[string, ValueSource]> }
	/**
	 * `auth.params` holds one connection string in a form of its own (a JDBC URL, an Azure storage
	 * string): `<field>` stands for a value, written as `family` says, which refuses what it cannot write.
	 */
	| { type: 'template'; param: string; template: string; family: TemplateFamily; evidence: string }
	/** `auth.params` holds one connection string whose form the doc does not give: only a whole one is taken, as given. */
	| { type: 'whole'; param: string; evidence: string };

/** One way a connector authenticates: one `auth.specName` and its params. */
export interface AuthMethod {
	/** Value of the connector's Authentication parameter. Never change it: saved workflows hold it. */
	key: string;
	displayName: string;
	description: string;
	/** `auth.specName`; not uniform across Adobe's connectors. */
	specName: string;
	/** `auth.type`, sent next to `specName` where the doc's body has one. */
	authType?: string;
	/** Fields the user fills in, in display order. Optional ones may be left empty. */
	fields: FieldKey[];
	optional?: FieldKey[];
	/** Values the fields start with in the node, where the connector has its own (a default port). */
	defaults?: Partial<Record<FieldKey, string | number | boolean>>;
	/** What a field means for this connector, where the catalogue's words are not enough. */
	hints?: Partial<Record<FieldKey, string>>;
	layout: AuthLayout;
	/** Whether a whole connection string may be given instead of the fields. */
	acceptsWholeConnectionString?: boolean;
	/** Shown in the node under the method (e.g. "Experience Platform on AWS only"). */
	notice?: string;
}

export interface ConnectorEntry {
	/** Value of the node's Connector parameter. Never change it: saved workflows hold it. */
	key: string;
	displayName: string;
	/** One line shown under the connector's name in the Connector list. */
	summary: string;
	connectionSpecId: string;
	connectionSpecVersion: string;
	/** Labelled beta on Adobe's page for it. */
	beta?: boolean;
	/** Adobe's tutorial the entry was transcribed from, under help/sources/tutorials/api/create/databases/. */
	doc: string;
	/** The first is the default. */
	auths: AuthMethod[];
	/** Shown in the node for the connector. */
	notice?: string;
}

/** One connector with one of its auth methods chosen: what a body is built from. */
export interface Connector extends Omit<ConnectorEntry, 'auths'>, Omit<AuthMethod, 'key' | 'displayName' | 'description' | 'notice' | 'specName'> {
	authKey: string;
	authSpecName: string;
	/** The connector's other auth methods, for reading connections made with one of them. */
	entry: ConnectorEntry;
}

const FIVE = ['host', 'port', 'database', 'username', 'password'] as const satisfies FieldKey[];
const odbcFive = (keys: [string, string, string, string, string]): Array<[string, ValueSource]> => keys.map((key, i) => [key, FIVE[i]]);
/** The params most Basic Authentication bodies send: `server`, `port`, `database`, `username`, `password`. */
const SERVER_LOGIN = { server: 'host', port: 'port', database: 'database', username: 'username', password: 'password' } as const satisfies Record<string, ValueSource>;

/**
 * An ODBC connection string of host, port, database, user and password, under its keys (e.g. Server,
 * Port, Database, UID, PWD); `evidence`: what says the connector's string is ODBC's.
 */
function odbcMethod(specName: string, keys: [string, string, string, string, string], port: number, evidence: string): AuthMethod {
	return {
		key: 'connectionString',
		displayName: 'Connection String',
		description: 'Host, port, database and login, written into the connection string for you',
		specName,
		fields: [...FIVE],
		defaults: { port },
		layout: { type: 'connectionString', param: 'connectionString', family: 'odbc', evidence, keys: odbcFive(keys) },
		acceptsWholeConnectionString: true,
	};
}

const BETA = 'This source is in beta at Adobe: see the Sources overview for the terms of beta-labelled connectors';
const AWS_ONLY = 'For Experience Platform on Amazon Web Services (available to a limited number of customers)';

export const CONNECTORS: ConnectorEntry[] = [
	{
		key: 'ibmDb2',
		displayName: 'IBM DB2',
		summary: 'An IBM DB2 database: server, database and login (beta at Adobe)',
		connectionSpecId: '09182899-b429-40c9-a15a-bf3ddbc8ced7',
		connectionSpecVersion: '1.0',
		beta: true,
		doc: 'ibm-db2.md',
		auths: [
			{
				key: 'basic',
				displayName: 'Basic Authentication',
				description: 'Server, database and login',
				specName: 'Basic Authentication',
				fields: ['host', 'port', 'database', 'authenticationType', 'username', 'password'],
				optional: ['port'],
				defaults: { port: 50000 },
				layout: {
					type: 'params',
					params: { server: { hostPort: ['host', 'port'] }, database: 'database', authenticationType: 'authenticationType', username: 'username', password: 'password' },
				},
			},
		],
		notice: 'The IBM DB2 source is in beta at Adobe',
	},
	{
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
	},
	{
		key: 'redshift',
		displayName: 'Amazon Redshift',
		summary: 'An Amazon Redshift cluster: server, port, database and login',
		connectionSpecId: '3416976c-a9ca-4bba-901a-1f08f66978ff',
		connectionSpecVersion: '1.0',
		doc: 'redshift.md',
		auths: [
			{
				key: 'basic',
				displayName: 'Basic Authentication',
				description: 'Server, port, database and login (Schema: Experience Platform on AWS)',
				specName: 'Basic Authentication',
				fields: [...FIVE, 'dbSchema'],
				optional: ['dbSchema'],
				defaults: { port: 5439 },
				hints: { dbSchema: 'Schema that holds the tables (Experience Platform on AWS; empty: not sent)' },
				layout: { type: 'params', params: { ...SERVER_LOGIN, schema: 'dbSchema' } },
			},
		],
	},
	{
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
	},
	{
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
	},
	{
		key: 'azureDataExplorer',
		displayName: 'Azure Data Explorer',
		summary: 'An Azure Data Explorer cluster, with a service principal',
		connectionSpecId: '0479cc14-7651-4354-b233-7480606c2ac3',
		connectionSpecVersion: '1.0',
		doc: 'data-explorer.md',
		auths: [
			{
				key: 'servicePrincipal',
				displayName: 'Service Principal',
				description: 'Endpoint, database, tenant and service principal',
				specName: 'Service Principal Based Authentication',
				fields: ['endpoint', 'database', 'tenant', 'servicePrincipalId', 'servicePrincipalKey'],
				layout: {
					type: 'params',
					params: { endpoint: 'endpoint', database: 'database', tenant: 'tenant', servicePrincipalId: 'servicePrincipalId', servicePrincipalKey: 'servicePrincipalKey' },
				},
			},
		],
	},
	{
		key: 'azureSynapse',
		displayName: 'Azure Synapse Analytics',
		summary: 'An Azure Synapse Analytics SQL pool, by connection string or service principal',
		connectionSpecId: 'a49bcc7d-8038-43af-b1e4-5a7a089a7d79',
		connectionSpecVersion: '1.0',
		doc: 'synapse-analytics.md',
		auths: [
			{
				key: 'connectionString',
				displayName: 'Connection String',
				description: 'Server, port, database and login, written into the connection string for you',
				specName: 'Connection String Based Authentication',
				fields: [...FIVE],
				defaults: { port: 1433 },
				hints: { host: 'Full name of the server, e.g. myserver.database.windows.net', username: 'User ID as user@server, e.g. reader@myserver' },
				layout: {
					type: 'connectionString',
					param: 'connectionString',
					family: 'sqlClient',
					evidence: 'Server=tcp:…,1433, User ID, Trusted_Connection, Encrypt and Connection Timeout: the ADO.NET (SqlClient) connection string Azure gives for a SQL endpoint',
					keys: [
						['Server', { hostPort: ['host', 'port'], separator: ',', prefix: 'tcp:' }],
						['Database', 'database'],
						['User ID', 'username'],
						['Password', 'password'],
						['Trusted_Connection', { value: 'False' }],
						['Encrypt', { value: 'True' }],
						['Connection Timeout', { value: '30' }],
					],
				},
				acceptsWholeConnectionString: true,
			},
			{
				key: 'servicePrincipal',
				displayName: 'Service Principal',
				description: 'Server, database, tenant and service principal',
				specName: 'Service Principal Key Based Authentication',
				fields: ['host', 'database', 'tenant', 'servicePrincipalId', 'servicePrincipalKey'],
				hints: { host: 'Fully qualified name of the server, e.g. myserver.database.windows.net' },
				layout: {
					type: 'params',
					params: { server: 'host', database: 'database', tenant: 'tenant', servicePrincipalId: 'servicePrincipalId', servicePrincipalKey: 'servicePrincipalKey' },
				},
			},
		],
	},
	{
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
	},
	{
		key: 'cassandra',
		displayName: 'Apache Cassandra',
		summary: 'An Apache Cassandra cluster: host, port and login',
		connectionSpecId: 'a8f4d393-1a6b-43f3-931f-91a16ed857f4',
		connectionSpecVersion: '1.0',
		doc: 'cassandra.md',
		auths: [
			{
				key: 'basic',
				displayName: 'Basic Authentication',
				description: 'Host, port and login',
				specName: 'Basic Authentication',
				fields: ['host', 'port', 'username', 'password'],
				defaults: { port: 9042 },
				layout: { type: 'params', params: { host: 'host', port: 'port', username: 'username', password: 'password' } },
			},
		],
	},
	{
		key: 'couchbase',
		displayName: 'Couchbase',
		summary: 'A Couchbase server, by connection string (beta at Adobe)',
		connectionSpecId: '1fe283f6-9bec-11ea-bb37-0242ac130002',
		connectionSpecVersion: '1.0',
		beta: true,
		doc: 'couchbase.md',
		auths: [
			{
				key: 'connectionString',
				displayName: 'Connection String',
				description: 'Server, port and login, written into the connection string for you',
				specName: 'Connection String Based Authentication',
				fields: ['host', 'port', 'username', 'password'],
				layout: {
					type: 'template',
					param: 'connectionString',
					template: 'Server=<host>; Port=<port>;AuthMech=1;CredString=[{"user": "<username>", "pass":"<password>"}];',
					family: 'jsonCredString',
					evidence: 'AuthMech and CredString are keys of the Simba Couchbase ODBC driver; the page writes CredString\'s JSON bare, not in braces',
				},
				acceptsWholeConnectionString: true,
			},
		],
		notice: BETA,
	},
	{
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
	},
	{
		key: 'databricks',
		displayName: 'Azure Databricks',
		summary: 'An Azure Databricks workspace: cluster, database and access token',
		connectionSpecId: 'e9d7ec6b-0873-4e57-ad21-b3a7c65e310b',
		connectionSpecVersion: '1.0',
		doc: 'databricks.md',
		auths: [
			{
				key: 'accessToken',
				displayName: 'Access Token',
				description: 'Workspace, cluster, database and access token',
				specName: 'Access Token Authentication',
				fields: ['domain', 'clusterId', 'accessToken', 'database'],
				hints: { database: 'Name of the database in the delta lake' },
				layout: { type: 'params', params: { domain: 'domain', clusterId: 'clusterId', accessToken: 'accessToken', database: 'database' } },
			},
		],
	},
	{
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
	},
	{
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
	},
	{
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
	},
	{
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
	},
	{
		key: 'oracle',
		displayName: 'Oracle DB',
		summary: 'An Oracle database, by connection string or (on AWS) server and login',
		connectionSpecId: 'd6b52d86-f0f8-475f-89d4-ce54c8527328',
		connectionSpecVersion: '1.0',
		doc: 'oracle.md',
		auths: [
			{
				key: 'connectionString',
				displayName: 'Connection String',
				description: 'Host, port, SID and login, written into the connection string for you',
				specName: 'ConnectionString',
				fields: ['host', 'port', 'sid', 'username', 'password'],
				defaults: { port: 1521 },
				layout: {
					type: 'connectionString',
					param: 'connectionString',
					family: 'odbc',
					evidence: 'oracle.md names no syntax, nor does Azure Data Factory\'s Oracle connector, whose keys these are: braces, as before, until a page says otherwise',
					keys: [
						['Host', 'host'],
						['Port', 'port'],
						['Sid', 'sid'],
						['UserId', 'username'],
						['Password', 'password'],
					],
				},
				acceptsWholeConnectionString: true,
			},
			{
				key: 'basic',
				displayName: 'Basic Authentication (AWS)',
				description: 'Server, port, instance, login, schema and SSL mode: Experience Platform on AWS',
				specName: 'Basic Authentication',
				fields: [...FIVE, 'dbSchema', 'sslMode'],
				optional: ['sslMode'],
				defaults: { port: 1521, sslMode: 'true' },
				hints: { database: 'Name of the Oracle DB instance', sslMode: 'Whether SSL is enforced: true or false' },
				layout: { type: 'params', params: { ...SERVER_LOGIN, schema: 'dbSchema', sslMode: 'sslMode' } },
				notice: AWS_ONLY,
			},
		],
	},
	{
		key: 'phoenix',
		displayName: 'Phoenix',
		summary: 'An Apache Phoenix server: host, port, HTTP path and login (beta at Adobe)',
		connectionSpecId: '102706fb-a5cd-42ee-afe0-bc42f017ff43',
		connectionSpecVersion: '1.0',
		beta: true,
		doc: 'phoenix.md',
		auths: [
			{
				key: 'basic',
				displayName: 'Basic Authentication',
				description: 'Host, port, HTTP path, login and SSL',
				specName: 'Basic Authentication',
				fields: ['host', 'port', 'httpPath', 'enableSsl', 'username', 'password'],
				defaults: { port: 8765, enableSsl: false },
				layout: {
					type: 'params',
					params: { host: 'host', username: 'username', password: 'password', port: { field: 'port', as: 'number' }, httpPath: 'httpPath', enableSsl: { field: 'enableSsl', as: 'boolean' } },
				},
			},
		],
		notice: `${BETA}. Adobe announced its deprecation for the end of May 2025, in favour of the Data Landing Zone.`,
	},
	{
		key: 'postgreSql',
		displayName: 'PostgreSQL',
		summary: 'A PostgreSQL database, by connection string or server and login',
		connectionSpecId: '74a1c565-4e59-48d7-9d67-7c03b8a13137',
		connectionSpecVersion: '1.0',
		doc: 'postgres.md',
		auths: [
			{
				key: 'connectionString',
				displayName: 'Connection String',
				description: 'Server, port, database and login, written into the connection string for you',
				specName: 'Connection String Based Authentication',
				fields: [...FIVE],
				defaults: { port: 5432 },
				layout: {
					type: 'connectionString',
					param: 'connectionString',
					family: 'odbc',
					evidence: 'An earlier postgres.md (source commit 37a5f03) shows the auth spec: "An ODBC connection string to connect to Azure Database for PostgreSQL"',
					keys: [
						['Server', 'host'],
						['Database', 'database'],
						['Port', 'port'],
						['UID', 'username'],
						['Password', 'password'],
					],
				},
				acceptsWholeConnectionString: true,
			},
			{
				key: 'basic',
				displayName: 'Basic Authentication',
				description: 'Server, port, database, login and SSL mode',
				specName: 'Basic Authentication',
				fields: [...FIVE, 'sslMode'],
				defaults: { port: 5432, sslMode: 'Prefer' },
				hints: { sslMode: 'One of Disable, Allow, Prefer, Require, Verify Ca, Verify Full' },
				layout: { type: 'params', params: { ...SERVER_LOGIN, sslMode: 'sslMode' } },
			},
		],
	},
	{
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
	},
	{
		key: 'snowflakeStreaming',
		displayName: 'Snowflake Streaming',
		summary: 'Streams a Snowflake table to the Platform (beta at Adobe)',
		connectionSpecId: '51ae16c2-bdad-42fd-9fce-8d5dfddaf140',
		connectionSpecVersion: '1.0',
		beta: true,
		doc: 'snowflake-streaming.md',
		auths: [
			{
				key: 'basic',
				displayName: 'Basic Authentication',
				description: 'Account, database, warehouse, login, schema and role',
				specName: 'Basic Authentication for Snowflake',
				fields: ['account', 'database', 'warehouse', 'username', 'password', 'dbSchema', 'role'],
				optional: ['dbSchema', 'role'],
				hints: { account: 'Full account name, e.g. acme-xy12345.snowflakecomputing.com' },
				layout: {
					type: 'params',
					params: { account: 'account', database: 'database', warehouse: 'warehouse', username: 'username', password: 'password', schema: 'dbSchema', role: 'role' },
				},
			},
		],
		notice: `${BETA}. Its dataflows stream the table as it changes: Dataflow → Create here makes scheduled copies, which it does not take.`,
	},
	{
		key: 'teradata',
		displayName: 'Teradata Vantage',
		summary: 'A Teradata Vantage system, sent as a connection string (beta at Adobe)',
		connectionSpecId: '2fa8af9c-2d1a-43ea-a253-f00a00c74412',
		connectionSpecVersion: '1.0',
		beta: true,
		doc: 'teradata-vantage.md',
		auths: [
			{
				key: 'connectionString',
				displayName: 'Connection String',
				description: 'Host and login, written into the connection string for you',
				specName: 'ConnectionString',
				fields: ['host', 'username', 'password'],
				hints: { host: 'Name or IP address of the Teradata system (DBCName)' },
				layout: {
					type: 'connectionString',
					param: 'connectionString',
					family: 'odbc',
					evidence: 'DBCName, Uid and Pwd are the Teradata ODBC driver\'s keywords; teradata-vantage.md names no syntax',
					keys: [
						['DBCName', 'host'],
						['Uid', 'username'],
						['Pwd', 'password'],
					],
				},
				acceptsWholeConnectionString: true,
			},
		],
		notice: BETA,
	},
];

/** Connector value of "Other (by connection spec)": any source the Platform has, fields loaded from its spec. */
export const OTHER_CONNECTOR = 'other';

/** Name of the node parameter that picks one of a connector's auth methods. */
export function authParameterName(entry: ConnectorEntry): string {
	return `auth_${entry.key}`;
}

export function resolveConnector(entry: ConnectorEntry, method: AuthMethod = entry.auths[0]): Connector {
	const { key, displayName, summary, connectionSpecId, connectionSpecVersion, beta, doc, notice } = entry;
	const { fields, optional, defaults, hints, layout, acceptsWholeConnectionString, authType } = method;
	return {
		...{ key, displayName, summary, connectionSpecId, connectionSpecVersion, beta, doc, notice },
		...{ fields, optional, defaults, hints, layout, acceptsWholeConnectionString, authType },
		authKey: method.key,
		authSpecName: method.specName,
		entry,
	};
}

/** Every connector with each of its auth methods: what the node offers fields for. */
export const AUTH_CHOICES: Connector[] = CONNECTORS.flatMap((entry) => entry.auths.map((method) => resolveConnector(entry, method)));

export function findEntry(key: string): ConnectorEntry | undefined {
	return CONNECTORS.find((c) => c.key === key);
}

/** A connector with one auth method, its first where none is named. */
export function findConnector(key: string, authKey?: string): Connector | undefined {
	const entry = findEntry(key);
	const method = entry && (authKey === undefined ? entry.auths[0] : entry.auths.find((m) => m.key === authKey));
	return entry && method ? resolveConnector(entry, method) : undefined;
}

/** The connectors as n8n options, by display name; `value` picks what each option stands for. */
export function connectorOptions(value: (connector: ConnectorEntry) => string): Array<{ name: string; value: string; description: string }> {
	return [...CONNECTORS]
		.sort((a, b) => a.displayName.localeCompare(b.displayName))
		.map((c) => ({ name: c.displayName, value: value(c), description: c.summary }));
}

export function findConnectorBySpecId(specId: string): ConnectorEntry | undefined {
	return CONNECTORS.find((c) => c.connectionSpecId === specId);
}

/** The login fields some connector uses, in catalogue order: what the Database Login credential asks for. */
export function loginFields(): FieldKey[] {
	const used = new Set(AUTH_CHOICES.flatMap((c) => c.fields));
	return (Object.keys(FIELDS) as FieldKey[]).filter((key) => FIELDS[key].login && used.has(key));
}

/** The connectors (by name) that use a field: said in the credential next to it. */
export function connectorsUsing(key: FieldKey): string[] {
	return [...new Set(AUTH_CHOICES.filter((c) => c.fields.includes(key)).map((c) => c.displayName))].sort((a, b) => a.localeCompare(b));
}

function sourceField(source: ValueSource): FieldKey | undefined {
	if (typeof source === 'string') return source;
	return 'field' in source ? source.field : undefined;
}

/**
 * Names of the `auth.params` keys that are known to hold no secret under an auth spec of the connector:
 * the only ones shown when a connection is read. Anything else (a connection string, a key) is hidden.
 */
export function shownParamNames(entry: ConnectorEntry, specName: unknown): string[] {
	const method = entry.auths.find((m) => m.specName === specName);
	if (!method || method.layout.type !== 'params') return [];
	return Object.entries(method.layout.params)
		.filter(([, source]) => {
			if (typeof source === 'object' && ('hostPort' in source || 'value' in source)) return true;
			const field = sourceField(source);
			return field !== undefined && FIELDS[field].kind !== 'secret';
		})
		.map(([name]) => name);
}
