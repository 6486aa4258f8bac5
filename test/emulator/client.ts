/**
 * A small HTTP client of the emulator for its own tests: the four headers, and the documented
 * requests that make a dataflow on the sample database (a base connection, a source connection on a
 * table, a target connection on the sample dataset, a mapping set, the dataflow). No node code.
 */
import type { EmbeddedDatabase } from '../../emulator/embeddedDatabase';
import type { Emulator, EmulatorOptions } from '../../emulator/server';
import type { Stack } from '../../emulator/stack';
import { startStack } from '../../emulator/stack';

export const ORG = 'C0FFEE00000000000000000A@AdobeOrg';
const GREENPLUM = '37b6bf40-d318-4655-90be-5cd6f65d334b';
const CRM_TO_AEP = '14518937-270c-4525-bdec-c2ba7cce3860';

export type Answer = { status: number; body: any };

/** Where the emulator and its database are: a Stack, or what `npm run emulator` prints. */
export interface Reachable {
	emulator: Pick<Emulator, 'url'> & { clock: { now(): number } };
	database: Pick<EmbeddedDatabase, 'host' | 'port' | 'login'>;
}

/** One request to the emulator with the four headers a Platform call carries (and `headers` over them). */
export async function sendTo(url: string, method: string, path: string, body?: unknown, { service = 'flowservice', headers = {} }: { service?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
	const response = await fetch(`${url}/data/foundation/${service}${path}`, {
		method,
		headers: {
			Authorization: 'Bearer emulator-token',
			'x-api-key': 'emulator-client',
			'x-gw-ims-org-id': ORG,
			'x-sandbox-name': 'prod',
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			...headers,
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export class EmulatorClient {
	private base?: string;
	private dataset?: { id: string; schemaId: string };

	constructor(private readonly stack: Reachable) {}

	async send(method: string, path: string, body?: unknown, service = 'flowservice'): Promise<Answer> {
		return await sendTo(this.stack.emulator.url, method, path, body, { service });
	}

	/** A dataflow as GET /flows/{id} reads it. */
	async flow(id: string): Promise<any> {
		return (await this.get(`/flows/${id}`)).items[0];
	}

	/** PATCH of a dataflow, with `If-Match` the etag given, or the one the dataflow has now. */
	async patchFlow(id: string, operations: unknown, etag?: string): Promise<Answer> {
		const ifMatch = etag ?? (await this.flow(id)).etag;
		return await sendTo(this.stack.emulator.url, 'PATCH', `/flows/${id}`, operations, { headers: { 'If-Match': ifMatch } });
	}

	/** GET that must answer 200. */
	async get(path: string): Promise<any> {
		const answer = await this.send('GET', path);
		if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
		return answer.body;
	}

	private async created(method: string, path: string, body: unknown, service?: string): Promise<string> {
		const answer = await this.send(method, path, body, service);
		if (answer.status !== 201 && answer.status !== 200) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
		return answer.body.id;
	}

	/** The pieces every dataflow here shares: a base connection to the sample database, the sample dataset and its schema. */
	private async shared(): Promise<{ base: string; dataset: { id: string; schemaId: string } }> {
		if (!this.base) {
			const { host, port, login } = this.stack.database;
			this.base = await this.created('POST', '/connections', {
				name: 'runs',
				auth: { specName: 'Basic Authentication', params: { connectionString: `HOST=${host};PORT=${port};DB=${login.database};UID=${login.username};PWD=${login.password}` } },
				connectionSpec: { id: GREENPLUM, version: '1.0' },
			});
			const datasets = (await this.send('GET', '/dataSets?limit=10', undefined, 'catalog')).body as Record<string, { schemaRef: { id: string } }>;
			const [id, record] = Object.entries(datasets)[0];
			this.dataset = { id, schemaId: record.schemaRef.id };
		}
		return { base: this.base, dataset: this.dataset! };
	}

	/** The pieces of one dataflow: a source connection on the table, a target connection, a mapping set. */
	async pieces(table = 'sales.customers', mappings: Array<[string, string]> = [['id', '_emulator.id']]): Promise<{ source: string; target: string; mapping: string }> {
		const { base, dataset } = await this.shared();
		const source = await this.created('POST', '/sourceConnections', { name: `${table} source`, baseConnectionId: base, data: { format: 'tabular' }, params: { tableName: table }, connectionSpec: { id: GREENPLUM, version: '1.0' } });
		const target = await this.created('POST', '/targetConnections', {
			name: 'runs target',
			data: { schema: { id: dataset.schemaId, version: 'application/vnd.adobe.xed-full+json;version=1' } },
			params: { dataSetId: dataset.id },
			connectionSpec: { id: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', version: '1.0' },
		});
		const mapping = await this.created(
			'POST',
			'/mappingSets',
			{ outputSchema: { schemaRef: { id: dataset.schemaId, contentType: 'application/vnd.adobe.xed-full+json;version=1' } }, mappings: mappings.map(([source, destination]) => ({ sourceType: 'ATTRIBUTE', source, destination })) },
			'conversion',
		);
		return { source, target, mapping };
	}

	/**
	 * A dataflow over the pieces (made anew unless given). Daily from `startTime` (epoch seconds; the
	 * Platform's now by default), reading `delta`; `once` for a dataflow run on demand only.
	 */
	async dataflow(options: { name?: string; startTime?: number; frequency?: 'day' | 'hour' | 'once'; delta?: string; pieces?: { source: string; target: string; mapping: string } } = {}): Promise<string> {
		const { source, target, mapping } = options.pieces ?? (await this.pieces());
		const frequency = options.frequency ?? 'day';
		const startTime = options.startTime ?? Math.floor(this.stack.emulator.clock.now() / 1000);
		return await this.created('POST', '/flows', {
			name: options.name ?? `runs ${Math.random().toString(36).slice(2, 8)}`,
			flowSpec: { id: CRM_TO_AEP, version: '1.0' },
			sourceConnectionIds: [source],
			targetConnectionIds: [target],
			transformations: [
				...(frequency === 'once' ? [] : [{ name: 'Copy', params: { deltaColumn: { name: options.delta ?? 'created_at', dateFormat: 'yyyy-MM-dd HH:mm:ss', timezone: 'UTC' } } }]),
				{ name: 'Mapping', params: { mappingId: mapping, mappingVersion: 0 } },
			],
			scheduleParams: frequency === 'once' ? { startTime, frequency } : { startTime, frequency, interval: 1 },
		});
	}

	/** The dataflow's runs, oldest first. */
	async runs(flowId: string): Promise<any[]> {
		return (await this.get(`/runs?property=flowId==${flowId}&orderby=createdAt`)).items;
	}

	/** Waits until the dataflow has `count` runs and none is in progress; returns them, oldest first. */
	async finishedRuns(flowId: string, count: number): Promise<any[]> {
		for (let i = 0; i < 200; i++) {
			const runs = await this.runs(flowId);
			if (runs.length >= count && runs.every((r) => r.metrics.statusSummary.status !== 'inProgress')) return runs;
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		throw new Error(`dataflow ${flowId}: ${count} finished runs did not come`);
	}

	/** Starts a run of a dataflow scheduled once, on demand over everything up to now (`created_at`), and waits for it to finish; returns it. */
	async onDemandRun(flowId: string): Promise<any> {
		const now = Math.floor(this.stack.emulator.clock.now() / 1000);
		const posted = await this.send('POST', '/runs', { flowId, params: { startTime: now, windowStartTime: 0, windowEndTime: now, deltaColumn: { name: 'created_at' } } });
		if (posted.status !== 201 && posted.status !== 200) throw new Error(`POST /runs: ${posted.status} ${JSON.stringify(posted.body)}`);
		return await this.finished(String(posted.body.items[0].id));
	}

	/** Waits for the run to finish; returns it. */
	async finished(runId: string): Promise<any> {
		for (let i = 0; i < 200; i++) {
			const run = (await this.get(`/runs/${runId}`)).items[0];
			if (run.metrics.statusSummary.status !== 'inProgress') return run;
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		throw new Error(`run ${runId} did not finish`);
	}
}

/** A stack for the test file, started before its tests and closed after them, with a client of it. */
export function useEmulatorStack(options: EmulatorOptions = {}): { stack: Stack; client: EmulatorClient } {
	const held = {} as { stack: Stack; client: EmulatorClient };
	beforeAll(async () => {
		held.stack = await startStack(options);
		held.client = new EmulatorClient(held.stack);
	}, 60_000);
	afterAll(async () => {
		await held.stack.close();
	});
	return held;
}
