/**
 * The sample data on this machine's real database servers, for the tests that explore them where
 * they answer: PostgreSQL at 127.0.0.1:5432 (trust auth) and MariaDB or MySQL at 127.0.0.1:3306
 * (root, empty password). Each sample is a new database and login of its own, removed by `drop()`.
 * Also: where the tests find these servers and Redis (queue mode), and how to start each one.
 * TEST_POSTGRES_PORT, TEST_MARIADB_PORT and TEST_REDIS_PORT move a server to another port; a closed
 * one shows what a run does where that server is missing.
 */
import { createConnection } from 'mysql2/promise';
import { Client } from 'pg';

import type { Service } from './needs';

const { SEED, MYSQL_SEED } = require('../emulator/sampleData') as { SEED: string; MYSQL_SEED: string };

export interface ServerSample {
	host: string;
	port: number;
	database: string;
	username: string;
	password: string;
	drop(): Promise<void>;
}

/** The port in `variable`, or the usual one where it is unset. */
function portFrom(variable: string, usual: number): number {
	const value = process.env[variable];
	if (value === undefined || value === '') return usual;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`${variable}=${value} is not a TCP port`);
	return port;
}

export const POSTGRESQL_SERVER = { host: '127.0.0.1', port: portFrom('TEST_POSTGRES_PORT', 5432) };
export const MYSQL_SERVER = { host: '127.0.0.1', port: portFrom('TEST_MARIADB_PORT', 3306) };
export const REDIS_SERVER = { host: '127.0.0.1', port: portFrom('TEST_REDIS_PORT', 6379) };

export const POSTGRESQL: Service = { name: 'PostgreSQL', ...POSTGRESQL_SERVER, start: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' };
export const MARIADB: Service = { name: 'MariaDB', ...MYSQL_SERVER, start: 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd' };
export const REDIS: Service = { name: 'Redis', ...REDIS_SERVER, start: 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no' };

const unique = () => `${Date.now().toString(36)}${process.pid}${Math.floor(Math.random() * 1e4)}`;
const PASSWORD = 'sample-pw-7';

/** A database of the sample data on the PostgreSQL server, owned by a login of its own. */
export async function postgresqlSample(): Promise<ServerSample> {
	const run = unique();
	const database = `flow_service_sample_${run}`;
	const username = `flow_service_${run}`;
	const admin = new Client({ ...POSTGRESQL_SERVER, user: 'postgres', database: 'postgres' });
	await admin.connect();
	try {
		await admin.query(`CREATE ROLE ${username} LOGIN PASSWORD '${PASSWORD}'`);
		await admin.query(`CREATE DATABASE ${database} OWNER ${username}`);
	} finally {
		await admin.end();
	}
	const owner = new Client({ ...POSTGRESQL_SERVER, user: username, password: PASSWORD, database });
	await owner.connect();
	try {
		await owner.query(SEED);
	} finally {
		await owner.end();
	}
	return {
		...POSTGRESQL_SERVER,
		database,
		username,
		password: PASSWORD,
		drop: async () => {
			const cleanup = new Client({ ...POSTGRESQL_SERVER, user: 'postgres', database: 'postgres' });
			await cleanup.connect();
			try {
				await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
				await cleanup.query(`DROP ROLE IF EXISTS ${username}`);
			} finally {
				await cleanup.end();
			}
		},
	};
}

/** A database of the sample data on the MySQL or MariaDB server, and a login that may use only it. */
export async function mysqlSample(): Promise<ServerSample> {
	const run = unique();
	const database = `flow_service_sample_${run}`;
	const username = `fs_${run}`.slice(0, 32);
	const admin = await createConnection({ ...MYSQL_SERVER, user: 'root', password: '', multipleStatements: true });
	try {
		await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4; CREATE USER '${username}'@'%' IDENTIFIED BY '${PASSWORD}'; GRANT ALL ON \`${database}\`.* TO '${username}'@'%';`);
		await admin.changeUser({ database });
		await admin.query(MYSQL_SEED);
	} finally {
		await admin.end();
	}
	return {
		...MYSQL_SERVER,
		database,
		username,
		password: PASSWORD,
		drop: async () => {
			const cleanup = await createConnection({ ...MYSQL_SERVER, user: 'root', password: '', multipleStatements: true });
			try {
				await cleanup.query(`DROP DATABASE IF EXISTS \`${database}\`; DROP USER IF EXISTS '${username}'@'%';`);
			} finally {
				await cleanup.end();
			}
		},
	};
}
