/** What several connectors' entries share: the usual five fields, ODBC strings of them, and common notices. */
import type { AuthMethod, FieldKey, ValueSource } from './types';

export const FIVE = ['host', 'port', 'database', 'username', 'password'] as const satisfies FieldKey[];
export const odbcFive = (keys: [string, string, string, string, string]): Array<[string, ValueSource]> => keys.map((key, i) => [key, FIVE[i]]);
/** The params most Basic Authentication bodies send: `server`, `port`, `database`, `username`, `password`. */
export const SERVER_LOGIN = { server: 'host', port: 'port', database: 'database', username: 'username', password: 'password' } as const satisfies Record<string, ValueSource>;

/**
 * An ODBC connection string of host, port, database, user and password, under its keys (e.g. Server,
 * Port, Database, UID, PWD); `evidence`: what says the connector's string is ODBC's.
 */
export function odbcMethod(specName: string, keys: [string, string, string, string, string], port: number, evidence: string): AuthMethod {
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

export const BETA = 'This source is in beta at Adobe: see the Sources overview for the terms of beta-labelled connectors';
export const AWS_ONLY = 'For Experience Platform on Amazon Web Services (available to a limited number of customers)';
