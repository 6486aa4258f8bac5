/**
 * `npm run bench`: how fast the node creates, lists and loads, side by side with what users
 * would otherwise use, against the emulator with a fixed added latency. Prints a table of ratios
 * (medians with their min–max over the runs) and counts; `npm run bench -- --save` also writes
 * it to bench/results/latest.json.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { startStack } from '../emulator/stack';
import { DEFAULT_CONCURRENCY } from '../nodes/AdobeFlowService/actions/shared/settings';
import { ensureBuilt, ensureN8n, itemsOf, N8nInstance, n8nVersion, ROOT } from '../support/n8n';
import { cpuSeconds, createFromWebhook, machineTicks, QueueCluster, queueUnavailable, sendNames } from '../support/queue';
import { CredentialStore, runNode } from '../support/runNode';

const LATENCY_MS = 20;
const N = 1000;
const LIST_N = 10_000;
const RUNS = Number(process.env.BENCH_RUNS) || 5;
const SAVE = process.argv.includes('--save');
/** `npm run bench -- --queue`: only the queue-mode section. */
const QUEUE_ONLY = process.argv.includes('--queue');
const QUEUE_EXECUTIONS = 40;
const QUEUE_ITEMS = 20;
/** Twice one worker's concurrency: one worker queues half of what two run at once. */
const QUEUE_PARALLEL = 20;
const RATE = 200;
const TOKEN = 'bench-token';
const API_KEY = 'bench-client';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Median and range of per-run ratios, e.g. `1.04× (0.98–1.11×)`. */
const ratios = (top: number[], bottom: number[]) => {
	const each = top.map((t, i) => t / bottom[i]);
	return { median: median(each), min: Math.min(...each), max: Math.max(...each), runs: each };
};
const showRatio = (r: { median: number; min: number; max: number }) => `${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)}×)`;
const say = (line = '') => process.stdout.write(`${line}\n`);

async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>) {
	let next = 0;
	await Promise.all(Array.from({ length: concurrency }, async () => {
		while (next < count) await task(next++);
	}));
}

function body(org: string, i: number) {
	return {
		name: `bench-${org}-${i}`,
		auth: { specName: 'Basic Authentication', params: { connectionString: `HOST=127.0.0.1;PORT=5432;DB=sales;UID=analyst;PWD=analyst-pw` } },
		connectionSpec: { id: '37b6bf40-d318-4655-90be-5cd6f65d334b', version: '1.0' },
	};
}

function headers(org: string) {
	return { Authorization: `Bearer ${TOKEN}`, 'x-api-key': API_KEY, 'x-gw-ims-org-id': org, 'x-sandbox-name': 'prod', 'Content-Type': 'application/json', Accept: 'application/json' };
}

/**
 * 5. n8n's queue mode: the same load (QUEUE_EXECUTIONS webhook executions of QUEUE_ITEMS creates, QUEUE_PARALLEL
 * requests in flight) with one worker and with two, alternating which goes first; throughput ratio two / one.
 */
async function queueSection(table: Array<[string, string, string]>, results: Record<string, unknown>): Promise<void> {
	const unavailable = await queueUnavailable();
	if (unavailable) {
		table.push(['Queue mode: throughput, two workers / one', 'skipped', unavailable]);
		return;
	}
	const stack = await startStack({ tokens: [TOKEN], apiKeys: [API_KEY], latencyMs: LATENCY_MS });
	const org = 'BENCHQUEUE000000000000A@AdobeOrg';
	const suffix = Date.now().toString(36);
	const cluster = await QueueCluster.start({
		credentials: [
			{ id: 'benchFlowSvcCred', name: 'bench', type: 'flowServiceApi', data: { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: org, sandboxName: 'prod', baseUrl: stack.emulator.url } },
			{ id: 'aepSourceDbLogin', name: 'Source database login', type: 'flowServiceDatabaseApi', data: { loginInput: 'fields', host: '127.0.0.1', port: '5432', database: 'sales', username: 'analyst', password: 'analyst-pw' } },
		],
		workflows: [createFromWebhook('benchQueueLoad01', suffix, { type: 'flowServiceApi', id: 'benchFlowSvcCred' })],
		active: ['benchQueueLoad01'],
		workers: 1,
		concurrency: 10,
	});
	try {
		let batch = 0;
		/** Per load: the share of one core that the main process and the workers each used. */
		const busy: Array<{ workers: number; main: number; eachWorker: number[]; machine: number }> = [];
		const load = async (): Promise<number> => {
			const tag = `q${batch++}`;
			const cpuBefore = [cluster.n8n.serverPid, ...cluster.workers.map((w) => w.process.pid)].map(cpuSeconds);
			const ticksBefore = machineTicks();
			const started = performance.now();
			await pool(QUEUE_EXECUTIONS, QUEUE_PARALLEL, async (e) => {
				const items = await sendNames(cluster.url, `benchQueueLoad01-${suffix}`, Array.from({ length: QUEUE_ITEMS }, (_, i) => `bench-${tag}-${e}-${i}`));
				if (items.length !== QUEUE_ITEMS) throw new Error(`queue load: ${items.length} items came back of ${QUEUE_ITEMS}`);
			});
			const ms = performance.now() - started;
			const cpuAfter = [cluster.n8n.serverPid, ...cluster.workers.map((w) => w.process.pid)].map(cpuSeconds);
			const share = cpuAfter.map((after, i) => (after - cpuBefore[i]) / (ms / 1000));
			const ticksAfter = machineTicks();
			const machine = (ticksAfter.busy - ticksBefore.busy) / Math.max(1, ticksAfter.total - ticksBefore.total);
			busy.push({ workers: cluster.workers.length, main: share[0], eachWorker: share.slice(1), machine });
			const made = stack.emulator.connections(org).filter((c) => c.name.startsWith(`bench-${tag}-`)).length;
			if (made !== QUEUE_EXECUTIONS * QUEUE_ITEMS) throw new Error(`queue load: ${made} connections made of ${QUEUE_EXECUTIONS * QUEUE_ITEMS}`);
			return ms;
		};
		await load(); // warm-up: the first execution of each process loads the node
		const one: number[] = [];
		const two: number[] = [];
		for (let r = 0; r < RUNS; r++) {
			for (const workers of r % 2 === 0 ? [1, 2] : [2, 1]) {
				while (cluster.workers.length < workers) await cluster.addWorker();
				while (cluster.workers.length > workers) await cluster.removeWorker();
				if (workers === 2 && two.length === 0) await load(); // warm the second worker too
				(workers === 1 ? one : two).push(await load());
			}
		}
		const ratio = ratios(one, two);
		const mainShare = (workers: number) => median(busy.filter((b) => b.workers === workers).map((b) => b.main));
		const workerShare = (workers: number) => median(busy.filter((b) => b.workers === workers).flatMap((b) => b.eachWorker));
		const machineShare = (workers: number) => median(busy.filter((b) => b.workers === workers).map((b) => b.machine));
		results.queueMode = {
			machineBusy: { oneWorker: machineShare(1), twoWorkers: machineShare(2) },
			cpuShareOfOneCore: { main: { oneWorker: mainShare(1), twoWorkers: mainShare(2) }, eachWorker: { oneWorker: workerShare(1), twoWorkers: workerShare(2) } }, n8n: n8nVersion(), executions: QUEUE_EXECUTIONS, itemsEach: QUEUE_ITEMS, parallelRequests: QUEUE_PARALLEL, workerConcurrency: 10, oneWorkerMs: one, twoWorkersMs: two, throughputRatio: ratio };
		table.push([
			`Queue mode: throughput, two workers / one (${QUEUE_EXECUTIONS} webhook executions × ${QUEUE_ITEMS} creates)`,
			showRatio(ratio),
			`${Math.round(median(two))} ms vs ${Math.round(median(one))} ms; main, workers, Redis, PostgreSQL, emulator and load on ${cpus().length} cores`,
		]);
		table.push([
			'Queue mode: CPU, share of one core (median), main / each worker',
			`${mainShare(2).toFixed(2)} / ${workerShare(2).toFixed(2)}`,
			`with two workers; with one: ${mainShare(1).toFixed(2)} / ${workerShare(1).toFixed(2)}`,
		]);
		table.push([
			`Queue mode: the machine's ${cpus().length} cores busy (median)`,
			`${Math.round(machineShare(2) * 100)} %`,
			`with two workers; with one: ${Math.round(machineShare(1) * 100)} %`,
		]);
		say(`queue mode done: ${table.at(-3)!.slice(1).join('  ')}`);
	} finally {
		await cluster.close();
		await stack.close();
	}
}

async function main() {
	// n8n-core's execution context keeps instance settings in a user folder: a throwaway one.
	process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'flow-service-bench-'));
	const results: Record<string, unknown> = {
		machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
		latencyMs: LATENCY_MS,
		defaultConcurrency: DEFAULT_CONCURRENCY,
	};
	const table: Array<[string, string, string]> = [];
	ensureBuilt();
	if (QUEUE_ONLY) {
		await queueSection(table, results);
		return report(table, results);
	}
	const stack = await startStack({ tokens: [TOKEN], apiKeys: [API_KEY], latencyMs: LATENCY_MS });
	const { emulator } = stack;
	let runId = 0;
	try {
		// 1. Overhead: our node's code path against a raw fetch loop, same requests, same concurrency.
		const ours: number[] = [];
		const raw: number[] = [];
		for (let r = 0; r < RUNS; r++) {
			const orgOurs = `OURS${runId++}@AdobeOrg`;
			const credentials = new CredentialStore();
			credentials.set('flowServiceApi', { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: orgOurs, sandboxName: 'prod', baseUrl: emulator.url });
			let started = performance.now();
			const out = await runNode({
				credentials,
				items: Array.from({ length: N }, (_, i) => ({ i })),
				parameters: { resource: 'connection', operation: 'create', connector: 'greenplum', databaseLogin: 'node', name: `={{ "bench-${orgOurs}-" + $json.i }}`, host: '127.0.0.1', port: 5432, database: 'sales', username: 'analyst', password: 'analyst-pw', options: { ifExists: 'create', concurrency: DEFAULT_CONCURRENCY } },
			});
			ours.push(performance.now() - started);
			if (out.length !== N || emulator.connections(orgOurs).length !== N) throw new Error('overhead run lost items');
			const orgRaw = `RAW${runId++}@AdobeOrg`;
			started = performance.now();
			await pool(N, DEFAULT_CONCURRENCY, async (i) => {
				const response = await fetch(`${emulator.flowServiceUrl}/connections`, { method: 'POST', headers: headers(orgRaw), body: JSON.stringify(body(orgRaw, i)) });
				await response.json();
			});
			raw.push(performance.now() - started);
		}
		const overhead = ratios(ours, raw);
		results.overhead = { n: N, concurrency: DEFAULT_CONCURRENCY, oursMs: median(ours), rawFetchMs: median(raw), ratio: overhead };
		table.push(['Overhead: 1,000 creates, node code path / raw fetch', showRatio(overhead), `${Math.round(median(ours))} ms vs ${Math.round(median(raw))} ms, concurrency ${DEFAULT_CONCURRENCY}`]);
		say(`overhead done: ${table.at(-1)!.slice(1).join('  ')}`);

		// 2. Return All over 10,000 connections against following _links.next by hand.
		const listOrg = 'LIST@AdobeOrg';
		emulator.seedConnections(listOrg, 'prod', LIST_N);
		const oursList: number[] = [];
		const handList: number[] = [];
		for (let r = 0; r < RUNS; r++) {
			const credentials = new CredentialStore();
			credentials.set('flowServiceApi', { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: listOrg, sandboxName: 'prod', baseUrl: emulator.url });
			let started = performance.now();
			const out = await runNode({ credentials, parameters: { resource: 'connection', operation: 'getMany', returnAll: true } });
			oursList.push(performance.now() - started);
			if (out.length !== LIST_N) throw new Error(`Return All gave ${out.length} items`);
			started = performance.now();
			let url: string | undefined = `${emulator.flowServiceUrl}/connections?limit=100`;
			let count = 0;
			while (url) {
				const page = (await (await fetch(url, { headers: headers(listOrg) })).json()) as { items: unknown[]; _links?: { next?: { href: string } } };
				count += page.items.length;
				url = page._links?.next ? emulator.flowServiceUrl + page._links.next.href : undefined;
			}
			handList.push(performance.now() - started);
			if (count !== LIST_N) throw new Error('hand paging lost items');
		}
		// In a child process of its own (not spawnSync: this process serves the emulator it lists from).
		const memory = async (org: string) =>
			await new Promise<{ items: number; baseline: number; peak: number }>((resolve, reject) => {
				const child = spawn(process.execPath, ['--expose-gc', '-r', 'ts-node/register/transpile-only', join(__dirname, 'listMemory.ts'), emulator.url, org], {
					cwd: ROOT,
					// The node's codex file sits beside it: load AdobeFlowService.node.ts, not .node.json.
					env: { ...process.env, TS_NODE_PREFER_TS_EXTS: 'true' },
					stdio: ['ignore', 'pipe', 'pipe'],
				});
				let out = '';
				let err = '';
				child.stdout.on('data', (d: Buffer) => (out += d.toString()));
				child.stderr.on('data', (d: Buffer) => (err += d.toString()));
				child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(err))));
			});
		emulator.seedConnections('LIST2K@AdobeOrg', 'prod', 2000);
		const m10 = await memory(listOrg);
		const m2 = await memory('LIST2K@AdobeOrg');
		const perThousand = (m: { items: number; baseline: number; peak: number }) => (m.peak - m.baseline) / (m.items / 1000) / 2 ** 20;
		results.returnAll = {
			n: LIST_N,
			pageSize: 100,
			oursMs: median(oursList),
			handMs: median(handList),
			ratio: median(oursList) / median(handList),
			peakMiBPer1000Items: { at10000: perThousand(m10), at2000: perThousand(m2) },
		};
		table.push(['Return All: 10,000 connections, node / hand-followed links', showRatio(ratios(oursList, handList)), `${Math.round(median(oursList))} ms vs ${Math.round(median(handList))} ms, 100 pages`]);
		table.push(['Return All: peak memory per 1,000 items (10,000 / 2,000 listed)', `${perThousand(m10).toFixed(1)} / ${perThousand(m2).toFixed(1)} MiB`, 'peak JS heap during the run, above the warmed-up baseline']);
		say(`return all done: ${table.at(-2)!.slice(1).join('  ')}`);

		// 3. Cold load and package size.
		const loads: number[] = [];
		const withWorkflow: number[] = [];
		for (let r = 0; r < 7; r++) {
			// n8n has n8n-workflow loaded already when it loads a community package: time our files alone.
			const out = execFileSync(process.execPath, ['-e', `require('n8n-workflow');const t=process.hrtime.bigint();require('./dist/nodes/AdobeFlowService/AdobeFlowService.node.js');require('./dist/credentials/FlowServiceApi.credentials.js');require('./dist/credentials/FlowServiceServerToServerApi.credentials.js');const ours=Number(process.hrtime.bigint()-t)/1e6;console.log(ours)`], { cwd: ROOT, encoding: 'utf8' });
			loads.push(Number(out.trim()));
			const cold = execFileSync(process.execPath, ['-e', `const t=process.hrtime.bigint();require('./dist/nodes/AdobeFlowService/AdobeFlowService.node.js');console.log(Number(process.hrtime.bigint()-t)/1e6)`], { cwd: ROOT, encoding: 'utf8' });
			withWorkflow.push(Number(cold.trim()));
		}
		const pack = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{ size: number; unpackedSize: number; entryCount: number }>;
		results.coldLoad = { medianMs: median(loads), runs: loads, includingN8nWorkflowMs: median(withWorkflow) };
		results.pack = { size: pack[0].size, unpackedSize: pack[0].unpackedSize, files: pack[0].entryCount };
		table.push(['Cold load: require node + both credentials', `${median(loads).toFixed(1)} ms`, `median of 7 fresh processes with n8n-workflow loaded, as in n8n (${median(withWorkflow).toFixed(0)} ms loading n8n-workflow too)`]);
		table.push(['npm pack size', `${(pack[0].size / 1024).toFixed(1)} KiB`, `${pack[0].entryCount} files, ${(pack[0].unpackedSize / 1024).toFixed(0)} KiB unpacked`]);

		// 4. Bulk create in a real n8n: our node against n8n's HTTP Request node, same requests.
		ensureN8n(say);
		const n8n = new N8nInstance();
		try {
			const realOrg = (tag: string) => `${tag}${runId++}@AdobeOrg`;
			await n8n.importCredentials([{ id: 'benchFlowSvcCred', name: 'bench', type: 'flowServiceApi', data: { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: 'PLACEHOLDER@AdobeOrg', sandboxName: 'prod', baseUrl: emulator.url } }]);
			const generate = { id: 'gen', name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: `return Array.from({ length: ${N} }, (_, i) => ({ json: { i } }));` } };
			const start = { id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
			const flow = (id: string, node: object) => ({
				id,
				name: id,
				active: false,
				settings: { executionOrder: 'v1' },
				nodes: [start, generate, node],
				connections: { Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] }, Items: { main: [[{ node: 'Bulk', type: 'main', index: 0 }]] } },
			});
			const oursNode = (org: string, concurrency?: number) => ({
				id: 'bulk', name: 'Bulk', type: 'CUSTOM.adobeFlowService', typeVersion: 1, position: [400, 0], onError: 'continueRegularOutput',
				parameters: { resource: 'connection', operation: 'create', connector: 'greenplum', databaseLogin: 'node', name: `={{ "bench-${org}-" + $json.i }}`, host: '127.0.0.1', port: 5432, database: 'sales', username: 'analyst', password: 'analyst-pw', options: concurrency === undefined ? { ifExists: 'create' } : { ifExists: 'create', concurrency } },
				credentials: { flowServiceApi: { id: 'benchFlowSvcCred', name: 'bench' } },
			});
			const httpNode = (org: string) => ({
				id: 'bulk', name: 'Bulk', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [400, 0], onError: 'continueRegularOutput',
				parameters: {
					method: 'POST',
					url: `${emulator.flowServiceUrl}/connections`,
					sendHeaders: true,
					headerParameters: { parameters: Object.entries(headers('PLACEHOLDER@AdobeOrg')).filter(([k]) => k !== 'Content-Type').map(([name, value]) => ({ name, value })) },
					sendBody: true,
					specifyBody: 'json',
					jsonBody: `={{ JSON.stringify({ name: "bench-${org}-" + $json.i, auth: { specName: "Basic Authentication", params: { connectionString: "HOST=127.0.0.1;PORT=5432;DB=sales;UID=analyst;PWD=analyst-pw" } }, connectionSpec: { id: "37b6bf40-d318-4655-90be-5cd6f65d334b", version: "1.0" } }) }}`,
					options: {},
				},
			});
			// Our node's org comes from the credential: one credential per org would be needed; instead the
			// org is part of the name, and the credential's org is shared.
			const measure = async (label: string, make: (org: string) => object, org: string) => {
				const id = `bench${String(runId++).padStart(11, '0')}`;
				await n8n.importWorkflow(flow(id, make(org)));
				const run = await n8n.execute(id);
				const nodeRun = run.result?.data.resultData.runData.Bulk?.[0] as { executionTime?: number } | undefined;
				const out = itemsOf(run.result, 'Bulk');
				const failed = out.filter((o) => o.json.error !== undefined).length;
				if (!nodeRun?.executionTime) throw new Error(`${label}: the execution did not run\n${run.output.slice(-2000)}`);
				return { ms: nodeRun.executionTime, out: out.length, failed };
			};
			const sharedOrg = 'PLACEHOLDER@AdobeOrg';
			const countCreated = (prefix: string) => emulator.connections(sharedOrg).filter((c) => c.name.startsWith(prefix)).length;
			const series = async (label: string, make: (org: string) => object, throttled = false) => {
				const times: number[] = [];
				let lost = 0;
				for (let r = 0; r < (throttled ? 1 : RUNS); r++) {
					const tag = realOrg(label.replace(/\W/g, ''));
					if (throttled) emulator.setRateLimit(RATE);
					const result = await measure(label, () => make(tag), sharedOrg);
					emulator.setRateLimit(undefined);
					times.push(result.ms);
					lost += N - countCreated(`bench-${tag}-`);
				}
				return { ms: median(times), times, lost };
			};
			// No Concurrency option: Auto, as a user who sets nothing gets it.
			const oursDefault = await series('oursDefault', (org) => oursNode(org));
			// The data the default was chosen from: the same load at the old default of 20.
			const ours20 = await series('ours20', (org) => oursNode(org, 20));
			// The HTTP Request node's batching only sleeps between groups: every request is in flight at once.
			const httpAll = await series('httpAll', (org) => httpNode(org));
			say('un-throttled bulk create done');
			const oursThrottled = await series('oursThrottled', (org) => oursNode(org), true);
			const httpThrottled = await series('httpThrottled', (org) => httpNode(org), true);
			const floor = (N / RATE) * 1000;
			results.bulkCreateInN8n = {
				n8n: n8nVersion(),
				n: N,
				at20: { concurrency: 20, oursMs: ours20.ms, httpRequestAllAtOnceMs: httpAll.ms, throughputRatio: ratios(httpAll.times, ours20.times) },
				default: { concurrency: 'auto', oursMs: oursDefault.ms, httpRequestAllAtOnceMs: httpAll.ms, throughputRatio: ratios(httpAll.times, oursDefault.times) },
				throttled: { ratePerSecond: RATE, floorMs: floor, oursMs: oursThrottled.ms, oursLost: oursThrottled.lost, oursOverFloor: oursThrottled.ms / floor, httpRequestMs: httpThrottled.ms, httpRequestLost: httpThrottled.lost },
				lostUnthrottled: { ours: oursDefault.lost + ours20.lost, httpRequest: httpAll.lost },
			};
			table.push(['n8n bulk create, throughput ours (no Concurrency set: Auto) / HTTP Request (all at once)', showRatio(ratios(httpAll.times, oursDefault.times)), `${Math.round(oursDefault.ms)} ms vs ${Math.round(httpAll.ms)} ms`]);
			table.push(['Same, ours at concurrency 20 / HTTP Request (all at once)', showRatio(ratios(httpAll.times, ours20.times)), `${Math.round(ours20.ms)} ms vs ${Math.round(httpAll.ms)} ms`]);
			table.push([`Throttled to ${RATE}/s, no Concurrency set: items lost, ours / HTTP Request`, `${oursThrottled.lost} / ${httpThrottled.lost}`, `of ${N}`]);
			table.push([`Throttled to ${RATE}/s: our time / N÷R (${floor / 1000} s)`, `${(oursThrottled.ms / floor).toFixed(2)}×`, `${Math.round(oursThrottled.ms)} ms`]);
		} finally {
			n8n.dispose();
		}
	} finally {
		await stack.close();
	}
	await queueSection(table, results);
	report(table, results);
}

function report(table: Array<[string, string, string]>, results: Record<string, unknown>): void {
	say('');
	say(`Benchmark — ${cpus().length} cores, Node ${process.version}, emulator latency ${LATENCY_MS} ms, medians of ${RUNS} runs`);
	const width = Math.max(...table.map((r) => r[0].length));
	for (const [what, value, detail] of table) say(`  ${what.padEnd(width)}  ${value.padStart(14)}  ${detail}`);
	if (SAVE) {
		mkdirSync(join(__dirname, 'results'), { recursive: true });
		writeFileSync(join(__dirname, 'results', 'latest.json'), JSON.stringify({ ...results, table }, null, 2) + '\n');
		say(`\nWritten to bench/results/latest.json`);
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	},
);
