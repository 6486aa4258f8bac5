/**
 * Explore, test and runs for connectors that speak the MySQL protocol (MySQL, MariaDB), answered
 * from a real MySQL or MariaDB server: the same answers as explore.ts gives from PostgreSQL.
 * A MySQL database is its own schema: tables are listed as `<database>.<table>`.
 */
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { createConnection } from 'mysql2/promise';

import type { DatabaseAccess, DatabaseTarget, DeltaWindow } from './explore';
import { PREVIEW_ROWS, SourceError } from './explore';

/** Login refused, unknown database, no rights on it. */
const LOGIN_ERRORS = new Set(['ER_ACCESS_DENIED_ERROR', 'ER_BAD_DB_ERROR', 'ER_DBACCESS_DENIED_ERROR', 'ER_NOT_SUPPORTED_AUTH_MODE']);

async function withConnection<T>(target: DatabaseTarget, access: DatabaseAccess | undefined, work: (connection: Connection) => Promise<T>): Promise<T> {
	if (access && !access(target)) throw new SourceError('The database refused the login: check the username, password and database', 'login');
	let connection: Connection;
	try {
		// Dates and times as text in UTC, decimals as text (made numbers below), as the PostgreSQL side answers.
		connection = await createConnection({ host: target.host, port: target.port, user: target.user, password: target.password, database: target.database, connectTimeout: 5000, timezone: 'Z', dateStrings: ['DATE'] });
	} catch (error) {
		if (LOGIN_ERRORS.has(String((error as { code?: string }).code))) throw new SourceError('The database refused the login: check the username, password and database', 'login');
		throw new SourceError('The database could not be reached: check the host and port, and that it accepts connections from the Platform', 'unreachable');
	}
	try {
		return await work(connection);
	} finally {
		await connection.end().catch(() => undefined);
	}
}

const quote = (identifier: string) => `\`${identifier.replace(/`/g, '``')}\``;

function splitPath(target: DatabaseTarget, path: string): [string, string] {
	const dot = path.indexOf('.');
	return dot === -1 ? [target.database, path] : [path.slice(0, dot), path.slice(dot + 1)];
}

/** MySQL column type → the explore column shape, with its XDM type. `tinyint(1)` is MySQL's boolean. */
export function mysqlColumn(name: string, dataType: string, columnType: string): Record<string, unknown> {
	const t = dataType.toLowerCase();
	if (t === 'tinyint' && /^tinyint\(1\)/i.test(columnType)) return { name, type: 'boolean', xdm: { type: 'boolean' } };
	if (t === 'bit' && /^bit\(1\)/i.test(columnType)) return { name, type: 'boolean', xdm: { type: 'boolean' } };
	if (['tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint', 'year'].includes(t)) return { name, type: 'integer', xdm: { type: 'integer' } };
	if (['decimal', 'numeric', 'float', 'double', 'real'].includes(t)) return { name, type: 'double', xdm: { type: 'number' } };
	if (t === 'datetime' || t === 'timestamp') return { name, type: 'string', 'meta:xdmType': 'date-time', xdm: { type: 'string', format: 'date-time' } };
	if (t === 'date') return { name, type: 'string', 'meta:xdmType': 'date', xdm: { type: 'string', format: 'date' } };
	return { name, type: 'string', xdm: { type: 'string' } };
}

function jsonValue(value: unknown, column: Record<string, unknown>): unknown {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
	const xdm = column.xdm as { type: string };
	if (xdm.type === 'boolean') return Buffer.isBuffer(value) ? value[0] === 1 : Boolean(Number(value));
	if ((xdm.type === 'integer' || xdm.type === 'number') && typeof value === 'string') {
		const n = Number(value);
		return Number.isSafeInteger(n) || xdm.type === 'number' ? n : value;
	}
	if (Buffer.isBuffer(value)) return value.toString('utf8');
	if (typeof value === 'object') return JSON.stringify(value);
	return value;
}

export async function testConnection(target: DatabaseTarget, access?: DatabaseAccess): Promise<boolean> {
	try {
		await withConnection(target, access, (connection) => connection.query('SELECT 1'));
		return true;
	} catch {
		return false;
	}
}

export async function listTables(target: DatabaseTarget, access?: DatabaseAccess) {
	return await withConnection(target, access, async (connection) => {
		const [rows] = await connection.query<RowDataPacket[]>(
			`SELECT table_schema AS table_schema, table_name AS table_name FROM information_schema.tables
			 WHERE table_schema = DATABASE() AND table_type IN ('BASE TABLE', 'VIEW') ORDER BY table_name`,
		);
		return rows.map((r) => {
			const path = `${String(r.table_schema)}.${String(r.table_name)}`;
			return { type: 'table', name: path, path, canPreview: true, canFetchSchema: true };
		});
	});
}

export async function describeTable(target: DatabaseTarget, path: string, preview: boolean, access?: DatabaseAccess) {
	return await withConnection(target, access, async (connection) => {
		const [schema, table] = splitPath(target, path);
		const [rows] = await connection.query<RowDataPacket[]>(
			'SELECT column_name AS column_name, data_type AS data_type, column_type AS column_type FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position',
			[schema, table],
		);
		if (rows.length === 0) throw new SourceError(`No columns found for table ${path}`, 'notFound');
		const columns = rows.map((r) => mysqlColumn(String(r.column_name), String(r.data_type), String(r.column_type)));
		const result: Record<string, unknown> = { format: 'flat', schema: { columns } };
		if (preview) {
			const [data] = await connection.query<RowDataPacket[]>(`SELECT * FROM ${quote(schema)}.${quote(table)} LIMIT ${PREVIEW_ROWS}`);
			result.data = data.map((row) => Object.fromEntries(columns.map((c) => [c.name as string, jsonValue(row[c.name as string], c)])));
		}
		return result;
	});
}

export async function readTable(target: DatabaseTarget, path: string, delta: DeltaWindow | undefined, access?: DatabaseAccess): Promise<Record<string, unknown>[]> {
	return await withConnection(target, access, async (connection) => {
		const [schema, table] = splitPath(target, path);
		const values: unknown[] = [];
		let where = '';
		if (delta) {
			values.push(delta.upTo);
			where = ` WHERE ${quote(delta.column)} <= ?`;
			if (delta.after) {
				values.push(delta.after);
				where += ` AND ${quote(delta.column)} > ?`;
			}
		}
		try {
			const [rows] = await connection.query<RowDataPacket[]>(`SELECT * FROM ${quote(schema)}.${quote(table)}${where}`, values);
			return rows as Record<string, unknown>[];
		} catch (error) {
			const code = (error as { code?: string }).code;
			if (code === 'ER_NO_SUCH_TABLE') throw new SourceError(`The table ${path} does not exist`, 'notFound');
			if (code === 'ER_BAD_FIELD_ERROR') throw new SourceError(`The column ${delta?.column ?? ''} does not exist in ${path}`, 'invalid');
			throw error;
		}
	});
}
