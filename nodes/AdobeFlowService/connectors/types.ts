/**
 * What a connector is, as data: the fields a user types (FIELDS), the ways a connector signs in
 * (AuthMethod: the params or connection string it sends), and a connector's entry (ConnectorEntry).
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
