/**
 * Every database source the node can create a connection for, as data.
 * Adding a connector is adding an entry here; the UI fields, the request body,
 * the validation and the emulator's auth specs are all derived from it.
 */

/** A value the user types on the Create operation. */
export type FieldKey =
	| 'host'
	| 'port'
	| 'database'
	| 'username'
	| 'password'
	| 'authenticationType';

export type FieldKind = 'host' | 'port' | 'text' | 'secret';

export interface FieldSpec {
	displayName: string;
	kind: FieldKind;
	description: string;
	placeholder?: string;
	/** Text fields only: the value used when the user leaves it empty. */
	default?: string;
	/**
	 * Part of the database login: kept in the Database Login credential (encrypted by n8n), and
	 * typed into the node only when the user chooses to.
	 */
	login?: true;
}

/** The n8n credential type that holds a database login (credentials/FlowServiceDatabaseApi.credentials.ts). */
export const DATABASE_LOGIN = 'flowServiceDatabaseApi';

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
	password: {
		login: true,
		displayName: 'Password',
		kind: 'secret',
		description: 'Password of that user. Sent to Adobe only; never returned in output.',
	},
	authenticationType: {
		displayName: 'Authentication Type',
		kind: 'text',
		description: 'Authentication type the DB2 server expects',
		default: 'Basic',
	},
};

/** One `auth.params` entry: a field, or host and port joined as `host:port`. */
export type ParamSource = FieldKey | { hostPort: [FieldKey, FieldKey] };

export type AuthLayout =
	/** `auth.params` holds one key per value. */
	| { type: 'params'; params: Record<string, ParamSource> }
	/** `auth.params` holds one ODBC-style connection string, `KEY=value;KEY=value`. */
	| { type: 'connectionString'; param: string; keys: Array<[string, FieldKey]> };

export interface Connector {
	/** Value of the node's Connector parameter. Never change it: saved workflows hold it. */
	key: string;
	displayName: string;
	/** One line shown under the connector's name in the Connector list. */
	summary: string;
	connectionSpecId: string;
	connectionSpecVersion: string;
	/** `auth.specName`; not uniform across Adobe's connectors. */
	authSpecName: string;
	/** Fields the user fills in, in display order. Optional ones may be left empty. */
	fields: FieldKey[];
	optional?: FieldKey[];
	/** Values the fields start with in the node, where the connector has its own (a default port). */
	defaults?: Partial<Record<FieldKey, string | number>>;
	auth: AuthLayout;
	/** Shown in the node for the connector. */
	notice?: string;
	/** Whether a whole connection string may be given instead of the fields. */
	acceptsWholeConnectionString?: boolean;
}

export const CONNECTORS: Connector[] = [
	{
		key: 'ibmDb2',
		displayName: 'IBM DB2',
		summary: 'An IBM DB2 database: server, database and login (beta at Adobe)',
		connectionSpecId: '09182899-b429-40c9-a15a-bf3ddbc8ced7',
		connectionSpecVersion: '1.0',
		authSpecName: 'Basic Authentication',
		fields: ['host', 'port', 'database', 'authenticationType', 'username', 'password'],
		optional: ['port'],
		defaults: { port: 50000 },
		auth: {
			type: 'params',
			params: {
				server: { hostPort: ['host', 'port'] },
				database: 'database',
				authenticationType: 'authenticationType',
				username: 'username',
				password: 'password',
			},
		},
		notice: 'The IBM DB2 source is in beta at Adobe',
	},
	{
		key: 'greenplum',
		displayName: 'GreenPlum',
		summary: 'A GreenPlum database, sent as a connection string',
		connectionSpecId: '37b6bf40-d318-4655-90be-5cd6f65d334b',
		connectionSpecVersion: '1.0',
		authSpecName: 'Basic Authentication',
		fields: ['host', 'port', 'database', 'username', 'password'],
		defaults: { port: 5432 },
		auth: {
			type: 'connectionString',
			param: 'connectionString',
			keys: [
				['HOST', 'host'],
				['PORT', 'port'],
				['DB', 'database'],
				['UID', 'username'],
				['PWD', 'password'],
			],
		},
		acceptsWholeConnectionString: true,
	},
];

export function findConnector(key: string): Connector | undefined {
	return CONNECTORS.find((c) => c.key === key);
}

/** The connectors as n8n options, by display name; `value` picks what each option stands for. */
export function connectorOptions(value: (connector: Connector) => string): Array<{ name: string; value: string; description: string }> {
	return [...CONNECTORS]
		.sort((a, b) => a.displayName.localeCompare(b.displayName))
		.map((c) => ({ name: c.displayName, value: value(c), description: c.summary }));
}

export function findConnectorBySpecId(specId: string): Connector | undefined {
	return CONNECTORS.find((c) => c.connectionSpecId === specId);
}

/** The login fields some connector uses, in catalogue order: what the Database Login credential asks for. */
export function loginFields(): FieldKey[] {
	const used = new Set(CONNECTORS.flatMap((c) => c.fields));
	return (Object.keys(FIELDS) as FieldKey[]).filter((key) => FIELDS[key].login && used.has(key));
}

/** Names of the `auth.params` keys that hold a secret, for masking. */
export function secretParamNames(connector: Connector): string[] {
	if (connector.auth.type === 'connectionString') return [connector.auth.param];
	return Object.entries(connector.auth.params)
		.filter(([, source]) => typeof source === 'string' && FIELDS[source].kind === 'secret')
		.map(([name]) => name);
}
