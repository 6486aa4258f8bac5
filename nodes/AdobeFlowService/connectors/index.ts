/**
 * Every database source the node can create a connection for, as data: one file per connector Adobe
 * documents in its Flow Service API tutorials (help/sources/tutorials/api/create/databases/), each with
 * the ways it authenticates. The UI fields, the request body, the validation and the Source Database
 * credential are all derived from these entries. Adding a connector: see "Adding a connector" in
 * docs/development.md (its entry here, its emulator data file, its contract fixtures).
 */
import { azureDataExplorer } from './azureDataExplorer';
import { azureSynapse } from './azureSynapse';
import { azureTableStorage } from './azureTableStorage';
import { bigQuery } from './bigQuery';
import { cassandra } from './cassandra';
import { couchbase } from './couchbase';
import { databricks } from './databricks';
import { greenplum } from './greenplum';
import { hive } from './hive';
import { hpVertica } from './hpVertica';
import { ibmDb2 } from './ibmDb2';
import { mariaDb } from './mariaDb';
import { mySql } from './mySql';
import { oracle } from './oracle';
import { phoenix } from './phoenix';
import { postgreSql } from './postgreSql';
import { redshift } from './redshift';
import { snowflake } from './snowflake';
import { snowflakeStreaming } from './snowflakeStreaming';
import { spark } from './spark';
import { sqlServer } from './sqlServer';
import { teradata } from './teradata';
import type { AuthMethod, Connector, ConnectorEntry, FieldKey, ValueSource } from './types';
import { FIELDS } from './types';

export * from './types';

/** In the order the node lists them (its Connector options are sorted by name). */
export const CONNECTORS: ConnectorEntry[] = [ibmDb2, greenplum, redshift, hive, spark, azureDataExplorer, azureSynapse, azureTableStorage, cassandra, couchbase, bigQuery, databricks, hpVertica, mariaDb, sqlServer, mySql, oracle, phoenix, postgreSql, snowflake, snowflakeStreaming, teradata];

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

/** A connector with one auth method, its first where none is named: one of AUTH_CHOICES, resolved once at load, not per item. */
export function findConnector(key: string, authKey?: string): Connector | undefined {
	const entry = findEntry(key);
	const method = entry && (authKey === undefined ? entry.auths[0] : entry.auths.find((m) => m.key === authKey));
	return method && AUTH_CHOICES.find((c) => c.entry === entry && c.authKey === method.key);
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
