/**
 * Explore and test, answered from a real database over the PostgreSQL wire protocol, or over the
 * MySQL protocol for the connectors whose data file says so (exploreMysql.ts): the host, port,
 * database and login come from the connection's own auth params.
 */
import { Client, types } from 'pg';

const DATE_OID = 1082;
/** Dates as text, so that a date stays the same date in any time zone. */
const typeParsers = {
	getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === DATE_OID ? (value: string) => value : types.getTypeParser(oid, format as 'text')),
};

import { ConnectionStringProblem, readConnectionString } from './connectionString';
import * as mysql from './exploreMysql';
import { authSpecFile } from './specs';

export interface DatabaseTarget {
	/** The wire protocol of the connector's database. */
	protocol: 'postgresql' | 'mysql';
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
}

/** Decides whether a login may connect; the embedded database needs it, a real one checks by itself. */
export type DatabaseAccess = (target: DatabaseTarget) => boolean;

export class SourceError extends Error {
	constructor(
		message: string,
		readonly kind: 'unreachable' | 'login' | 'notFound' | 'invalid',
	) {
		super(message);
	}
}

/** Where the database behind a connection is, read from its auth params as its connector's data file says. */
export function targetOf(connection: { connectionSpec: { id: string }; auth: { specName: string; params: Record<string, unknown> } }): DatabaseTarget {
	const auth = authSpecFile(connection.connectionSpec.id, connection.auth.specName);
	const explore = auth?.explore;
	if (!auth || !explore) throw new SourceError('This connection spec cannot be explored', 'invalid');
	const params = connection.auth.params;
	let values: Record<string, string> = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
	if (auth.connectionString) {
		try {
			values = readConnectionString(String(params[auth.connectionString.param] ?? ''), auth.connectionString.family);
		} catch (error) {
			if (error instanceof ConnectionStringProblem) throw new SourceError(`The connection string cannot be read: ${error.message}`, 'invalid');
			throw error;
		}
	}
	let host = values[explore.host] ?? '';
	let port = explore.port ? values[explore.port] : undefined;
	// host, host:port or (SQL Server, Synapse) [tcp:]host,port; an IPv6 address in brackets
	const match = /^(?:tcp:)?(\[[^\]]+\]|[^:,]+)(?:[:,](\d+))?$/.exec(host);
	host = (match?.[1] ?? host).replace(/^\[|\]$/g, '');
	port ||= match?.[2];
	return {
		protocol: explore.protocol ?? 'postgresql',
		host,
		port: Number(port || explore.defaultPort),
		database: values[explore.database] ?? '',
		user: values[explore.user] ?? '',
		password: values[explore.password] ?? '',
	};
}

async function withClient<T>(target: DatabaseTarget, access: DatabaseAccess | undefined, work: (client: Client) => Promise<T>): Promise<T> {
	if (access && !access(target)) throw new SourceError('The database refused the login: check the username, password and database', 'login');
	const client = new Client({ ...target, connectionTimeoutMillis: 5000, query_timeout: 15000 });
	client.on('error', () => undefined);
	try {
		await client.connect();
	} catch (error) {
		const code = (error as { code?: string }).code;
		if (code === '28P01' || code === '28000' || code === '3D000') {
			throw new SourceError('The database refused the login: check the username, password and database', 'login');
		}
		throw new SourceError('The database could not be reached: check the host and port, and that it accepts connections from the Platform', 'unreachable');
	}
	try {
		return await work(client);
	} finally {
		await client.end().catch(() => undefined);
	}
}

export async function testConnection(target: DatabaseTarget, access?: DatabaseAccess): Promise<boolean> {
	if (target.protocol === 'mysql') return await mysql.testConnection(target, access);
	try {
		await withClient(target, access, (client) => client.query('SELECT 1'));
		return true;
	} catch {
		return false;
	}
}

export async function listTables(target: DatabaseTarget, access?: DatabaseAccess) {
	if (target.protocol === 'mysql') return await mysql.listTables(target, access);
	return await withClient(target, access, async (client) => {
		const { rows } = await client.query<{ table_schema: string; table_name: string }>(
			`SELECT table_schema, table_name FROM information_schema.tables
			 WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type IN ('BASE TABLE', 'VIEW')
			 ORDER BY table_schema, table_name`,
		);
		return rows.map((r) => {
			const path = `${r.table_schema}.${r.table_name}`;
			return { type: 'table', name: path, path, canPreview: true, canFetchSchema: true };
		});
	});
}

interface ColumnRow {
	column_name: string;
	data_type: string;
}

/** PostgreSQL type → the explore column shape, with its XDM type. */
export function xdmColumn(name: string, dataType: string): Record<string, unknown> {
	const t = dataType.toLowerCase();
	if (['smallint', 'integer', 'bigint'].includes(t)) return { name, type: 'integer', xdm: { type: 'integer' } };
	if (['numeric', 'real', 'double precision', 'money'].includes(t)) return { name, type: 'double', xdm: { type: 'number' } };
	if (t === 'boolean') return { name, type: 'boolean', xdm: { type: 'boolean' } };
	if (t.startsWith('timestamp')) return { name, type: 'string', 'meta:xdmType': 'date-time', xdm: { type: 'string', format: 'date-time' } };
	if (t === 'date') return { name, type: 'string', 'meta:xdmType': 'date', xdm: { type: 'string', format: 'date' } };
	return { name, type: 'string', xdm: { type: 'string' } };
}

function quoteIdent(identifier: string): string {
	return `"${identifier.replace(/"/g, '""')}"`;
}

function splitPath(path: string): [string, string] {
	const dot = path.indexOf('.');
	return dot === -1 ? ['public', path] : [path.slice(0, dot), path.slice(dot + 1)];
}

function jsonValue(value: unknown, column: Record<string, unknown>): unknown {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
	const xdm = column.xdm as { type: string; format?: string };
	if ((xdm.type === 'integer' || xdm.type === 'number') && typeof value === 'string') {
		const n = Number(value);
		return Number.isSafeInteger(n) || xdm.type === 'number' ? n : value;
	}
	if (typeof value === 'object') return JSON.stringify(value);
	return value;
}

export const PREVIEW_ROWS = 100;

export async function describeTable(target: DatabaseTarget, path: string, preview: boolean, access?: DatabaseAccess) {
	if (target.protocol === 'mysql') return await mysql.describeTable(target, path, preview, access);
	return await withClient(target, access, async (client) => {
		const [schema, table] = splitPath(path);
		const { rows } = await client.query<ColumnRow>(
			`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
			[schema, table],
		);
		if (rows.length === 0) throw new SourceError(`No columns found for table ${path}`, 'notFound');
		const columns = rows.map((r) => xdmColumn(r.column_name, r.data_type));
		const result: Record<string, unknown> = { format: 'flat', schema: { columns } };
		if (preview) {
			const data = await client.query({ text: `SELECT * FROM ${quoteIdent(schema)}.${quoteIdent(table)} LIMIT ${PREVIEW_ROWS}`, types: typeParsers as never });
			result.data = data.rows.map((row: Record<string, unknown>) =>
				Object.fromEntries(columns.map((c) => [c.name as string, jsonValue(row[c.name as string], c)])),
			);
		}
		return result;
	});
}

/** A window on the incremental column: rows after `after` (all rows when absent) up to `upTo`. */
export interface DeltaWindow {
	column: string;
	after?: Date;
	upTo: Date;
}

/** Every row of a table (or of one window on its incremental column), as a dataflow run copies them. */
export async function readTable(target: DatabaseTarget, path: string, delta: DeltaWindow | undefined, access?: DatabaseAccess): Promise<Record<string, unknown>[]> {
	if (target.protocol === 'mysql') return await mysql.readTable(target, path, delta, access);
	return await withClient(target, access, async (client) => {
		const [schema, table] = splitPath(path);
		const from = `${quoteIdent(schema)}.${quoteIdent(table)}`;
		const values: unknown[] = [];
		let where = '';
		if (delta) {
			values.push(delta.upTo.toISOString());
			where = ` WHERE ${quoteIdent(delta.column)} <= $1`;
			if (delta.after) {
				values.push(delta.after.toISOString());
				where += ` AND ${quoteIdent(delta.column)} > $2`;
			}
		}
		try {
			const result = await client.query({ text: `SELECT * FROM ${from}${where}`, values, types: typeParsers as never });
			return result.rows as Record<string, unknown>[];
		} catch (error) {
			const code = (error as { code?: string }).code;
			if (code === '42P01') throw new SourceError(`The table ${path} does not exist`, 'notFound');
			if (code === '42703') throw new SourceError(`The column ${delta?.column ?? ''} does not exist in ${path}`, 'invalid');
			throw error;
		}
	});
}
