/**
 * The pinned n8n in queue mode, for `npm run test:queue` and the benchmark: a main process (editor,
 * REST API, webhooks, triggers) and workers (`n8n worker`) sharing one user folder with our packed
 * package installed, Bull's queue in the Redis at 127.0.0.1:6379 (keys of this cluster only, by
 * prefix), and n8n's data in a new PostgreSQL database at 127.0.0.1:5432, dropped on close (the
 * ports: support/servers.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from 'pg';

import type { CredentialImport, N8nWorker, RestCall } from './n8n';
import { ensureBuilt, ensureN8n, N8nInstance, restSession, RUNTIME } from './n8n';
import type { Need } from './needs';
import { listening } from './needs';
import { POSTGRESQL, POSTGRESQL_SERVER, REDIS as REDIS_SERVICE, REDIS_SERVER } from './servers';

const REDIS = REDIS_SERVER;
const POSTGRES = { ...POSTGRESQL_SERVER, user: 'postgres' };

/** What queue mode needs of this machine: Redis and PostgreSQL, each answering or not. */
export const queueNeeds = (): Need[] => listening(REDIS_SERVICE, POSTGRESQL);

/** Why queue mode cannot run here, or undefined when Redis and PostgreSQL both answer. */
export async function queueUnavailable(): Promise<string | undefined> {
	const missing = queueNeeds().filter((need) => need.absent !== undefined);
	return missing.length > 0 ? missing.map((need) => `${need.what}: ${need.absent}`).join('; ') : undefined;
}

async function sql<T>(database: string, use: (client: Client) => Promise<T>): Promise<T> {
	const client = new Client({ ...POSTGRES, database });
	await client.connect();
	try {
		return await use(client);
	} finally {
		await client.end();
	}
}

export interface StoredExecution {
	id: string;
	status: string;
	runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }>> } }>>;
}

/** What one node put out in an execution (main output). */
export const outputOf = (execution: StoredExecution, node: string) => execution.runData[node]?.[0]?.data?.main?.[0] ?? [];

/** Executions a worker said it started. */
export const startedBy = (worker: N8nWorker) => [...worker.output.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);

/**
 * A workflow that takes a POST's `connections` array (`[{ name }]`) to `/webhook/<id>-<suffix>`, one
 * item each, into Connection → Create (GreenPlum; login from the `aepSourceDbLogin` credential), and
 * answers with every item the Create put out. `credential`: the Flow Service credential to use.
 */
export function createFromWebhook(id: string, suffix: string, credential: { type: 'flowServiceApi' | 'flowServiceServerToServerApi'; id: string }, options: Record<string, unknown> = {}) {
	const path = `${id}-${suffix}`;
	return {
		id,
		name: `queue: create connections from a webhook (${id})`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'q1', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: path, parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} } },
			{ id: 'q2', name: 'One Item per Connection', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [220, 0], parameters: { fieldToSplitOut: 'body.connections', options: {} } },
			{
				id: 'q3',
				name: 'Create Connection',
				type: 'n8n-nodes-adobe-flow-service.adobeFlowService',
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					authentication: credential.type === 'flowServiceApi' ? 'accessToken' : 'serverToServer',
					resource: 'connection',
					operation: 'create',
					connector: 'greenplum',
					name: '={{ $json.name }}',
					options,
				},
				credentials: { [credential.type]: { id: credential.id, name: credential.id }, flowServiceDatabaseApi: { id: 'aepSourceDbLogin', name: 'Source database login' } },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'One Item per Connection', type: 'main', index: 0 }]] },
			'One Item per Connection': { main: [[{ node: 'Create Connection', type: 'main', index: 0 }]] },
		},
	};
}

/**
 * createFromWebhook with a chain: each connection, then a source connection for a table of it (named
 * after the connection), as a pipeline begins. The webhook answers with the source connections.
 */
export function chainFromWebhook(id: string, suffix: string, credential: { type: 'flowServiceApi' | 'flowServiceServerToServerApi'; id: string }) {
	const workflow = createFromWebhook(id, suffix, credential);
	const authentication = credential.type === 'flowServiceApi' ? 'accessToken' : 'serverToServer';
	workflow.name = `queue: a connection and its source connection from a webhook (${id})`;
	workflow.nodes.push({
		id: 'q4',
		name: 'Create Source Connection',
		type: 'n8n-nodes-adobe-flow-service.adobeFlowService',
		typeVersion: 1,
		position: [660, 0],
		parameters: {
			authentication,
			resource: 'sourceConnection',
			operation: 'create',
			connection: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			table: { __rl: true, mode: 'path', value: 'sales.customers' },
			name: '={{ $json.name }} source',
		} as never,
		credentials: { [credential.type]: { id: credential.id, name: credential.id } } as never,
	});
	(workflow.connections as Record<string, unknown>)['Create Connection'] = { main: [[{ node: 'Create Source Connection', type: 'main', index: 0 }]] };
	return workflow;
}

/** POSTs names to a createFromWebhook workflow's production webhook; resolves with the items the Create put out. */
export async function sendNames(url: string, path: string, names: string[]): Promise<Array<Record<string, unknown>>> {
	const response = await fetch(`${url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ connections: names.map((name) => ({ name })) }) });
	const text = await response.text();
	if (!response.ok) throw new Error(`The webhook answered ${response.status}: ${text.slice(0, 500)}`);
	return JSON.parse(text) as Array<Record<string, unknown>>;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 where unreadable. */
export function cpuSeconds(pid: number | undefined): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return 0;
	}
}

/** The machine's busy and total CPU time so far, in clock ticks, from /proc/stat (Linux); zeros where unreadable. */
export function machineTicks(): { busy: number; total: number } {
	try {
		const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
		const values = fields.map(Number);
		const idle = values[3] + (values[4] ?? 0);
		const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
		return { busy: total - idle, total };
	} catch {
		return { busy: 0, total: 0 };
	}
}

export class QueueCluster {
	readonly workers: N8nWorker[] = [];
	url = '';
	rest!: RestCall;

	private constructor(
		readonly n8n: N8nInstance,
		readonly database: string,
		private readonly prefix: string,
		private readonly concurrency: number,
	) {}

	/**
	 * Creates the database, installs the package, imports the credentials and workflows, starts the
	 * main process, sets up its owner, activates `active`, and starts `workers` workers.
	 */
	static async start(options: { credentials: CredentialImport[]; workflows: object[]; active: string[]; workers: number; concurrency: number; settings?: NodeJS.ProcessEnv }): Promise<QueueCluster> {
		ensureBuilt();
		ensureN8n();
		const run = `${Date.now().toString(36)}${process.pid}`;
		const database = `flow_service_queue_${run}`;
		const prefix = `flow-service-${run}`;
		await sql('postgres', (client) => client.query(`CREATE DATABASE ${database}`));
		const n8n = new N8nInstance(null, undefined, {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: REDIS.host,
			QUEUE_BULL_REDIS_PORT: String(REDIS.port),
			// Bull's keys of this cluster only: other runs on the same Redis stay apart.
			QUEUE_BULL_PREFIX: prefix,
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: POSTGRES.host,
			DB_POSTGRESDB_PORT: String(POSTGRES.port),
			DB_POSTGRESDB_DATABASE: database,
			DB_POSTGRESDB_USER: POSTGRES.user,
			...options.settings,
		});
		const cluster = new QueueCluster(n8n, database, prefix, options.concurrency);
		try {
			n8n.installPackage();
			await n8n.importCredentials(options.credentials);
			for (const workflow of options.workflows) await n8n.importWorkflow(workflow);
			cluster.url = await n8n.start();
			cluster.rest = await restSession(cluster.url);
			for (const id of options.active) await cluster.activate(id);
			for (let i = 0; i < options.workers; i++) await cluster.addWorker();
			return cluster;
		} catch (error) {
			await cluster.close();
			throw error;
		}
	}

	async addWorker(): Promise<N8nWorker> {
		const worker = await this.n8n.startWorker(this.concurrency);
		this.workers.push(worker);
		return worker;
	}

	/** Stops the newest worker (SIGTERM: it finishes what it runs). */
	async removeWorker(): Promise<void> {
		await this.workers.pop()?.stop();
	}

	/** Activates (publishes) a workflow's current version in the running n8n, as the editor's toggle does. */
	async activate(workflowId: string): Promise<void> {
		const { versionId } = (await this.rest('GET', `/workflows/${workflowId}`)) as { versionId: string };
		await this.rest('POST', `/workflows/${workflowId}/activate`, { versionId });
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.rest('POST', `/workflows/${workflowId}/deactivate`, {});
	}

	/** n8n's executions of one workflow in its database, oldest first, with what each node put out (n8n keeps it in `flatted` form). */
	async executionsOf(workflowId: string): Promise<StoredExecution[]> {
		const flatted = require(join(RUNTIME, 'node_modules', 'flatted')) as { parse(text: string): unknown };
		const rows = await sql(
			this.database,
			async (client) =>
				(await client.query('SELECT e.id::text AS id, e.status, d.data FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = $1 ORDER BY e.id', [workflowId])).rows as Array<{
					id: string;
					status: string;
					data: string | null;
				}>,
		);
		return rows.map((row) => ({
			id: row.id,
			status: row.status,
			runData: row.data ? ((flatted.parse(row.data) as { resultData: { runData?: StoredExecution['runData'] } }).resultData.runData ?? {}) : {},
		}));
	}

	/** Stops the workers and the main process, removes the user folder, drops the database and this cluster's Redis keys. */
	async close(): Promise<void> {
		await Promise.all(this.workers.map((worker) => worker.stop()));
		await this.n8n.stop();
		this.n8n.dispose();
		await sql('postgres', (client) => client.query(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`));
		// n8n's own Redis client, from the pinned n8n's dependencies.
		const Redis = require(join(RUNTIME, 'node_modules', 'ioredis')) as new (options: object) => {
			scan(cursor: string, ...args: Array<string | number>): Promise<[string, string[]]>;
			del(...keys: string[]): Promise<number>;
			quit(): Promise<unknown>;
		};
		const redis = new Redis({ ...REDIS, lazyConnect: false, maxRetriesPerRequest: 1 });
		try {
			let cursor = '0';
			do {
				const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.prefix}:*`, 'COUNT', 500);
				if (keys.length) await redis.del(...keys);
				cursor = next;
			} while (cursor !== '0');
		} finally {
			await redis.quit();
		}
	}
}
