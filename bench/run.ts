/**
 * `npm run bench`: how fast the node creates, lists and loads, side by side with what users
 * would otherwise use, against the emulator with an added latency: 20 ms (a server close by) and
 * 150 ± 50 ms (Platform-like: a remote HTTPS API across the internet, docs/performance.md). Each
 * measure is taken against its baseline in the same run, alternating which goes first; the table
 * shows the median ratio with its min–max over the runs, and ends with the Targets, each met or MISSED.
 *
 * Flags (after `npm run bench --`):
 *   --save                 also write the results to bench/results/latest.json (gitignored)
 *   --only a,b             only these sections: overhead, list, load, bulk, throttled, queue
 *   --queue                only the queue-mode section (same as --only queue)
 * Environment: BENCH_RUNS=n runs per measure (default 5; the targets are medians of at least 5).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import type { Stack } from '../emulator/stack';
import { startStack } from '../emulator/stack';
import { DEFAULT_CONCURRENCY } from '../nodes/AdobeFlowService/actions/shared/settings';
import { ensureBuilt, ensureN8n, itemsOf, N8nInstance, n8nVersion, ROOT } from '../support/n8n';
import { cpuSeconds, createFromWebhook, machineTicks, QueueCluster, queueUnavailable, sendNames } from '../support/queue';
import { CredentialStore, runNode } from '../support/runNode';

/** Added latency: a server close by, and one like the Platform's across the internet (± uniform jitter). */
interface Latency {
	name: string;
	ms: number;
	jitterMs: number;
}
const NEAR: Latency = { name: '20 ms', ms: 20, jitterMs: 0 };
const PLATFORM: Latency = { name: '150 ± 50 ms', ms: 150, jitterMs: 50 };
const N = 1000;
const LIST_N = 10_000;
const RUNS = Number(process.env.BENCH_RUNS) || 5;
const SAVE = process.argv.includes('--save');
const SECTIONS = ['overhead', 'list', 'load', 'bulk', 'throttled', 'queue'] as const;
type Section = (typeof SECTIONS)[number];
function chosenSections(): Set<Section> {
	if (process.argv.includes('--queue')) return new Set(['queue']);
	const at = process.argv.indexOf('--only');
	if (at < 0) return new Set(SECTIONS);
	const asked = (process.argv[at + 1] ?? '').split(',').filter(Boolean);
	const unknown = asked.filter((a) => !(SECTIONS as readonly string[]).includes(a));
	if (asked.length === 0 || unknown.length > 0) throw new Error(`--only takes some of ${SECTIONS.join(', ')} (comma-separated); got ${process.argv[at + 1] ?? 'nothing'}`);
	return new Set(asked as Section[]);
}
const ONLY = chosenSections();
const QUEUE_EXECUTIONS = 40;
const QUEUE_ITEMS = 20;
/**
 * Each execution's Create capped at this many in flight (its Concurrency option), as a user sharing a
 * Platform among executions would. Its If It Exists is Create Another, as in the bulk sections: one
 * request per item. With Reuse It (the default) each item first looks its name up, several requests in
 * turn, and this machine's two cores, which also run n8n's main process, Redis, PostgreSQL and the
 * emulator, are saturated by one worker before a second has anything to add.
 */
const QUEUE_EXECUTION_CONCURRENCY = 10;
const QUEUE_WORKER_CONCURRENCY = 10;
/** Twice one worker's concurrency: one worker queues half of what two run at once. */
const QUEUE_PARALLEL = 20;
const RATE = 200;
const TOKEN = 'bench-token';
const API_KEY = 'bench-client';

/** What the benchmark promises, each checked against its figure at the end. */
const TARGET = {
	overheadAtMost: 1.05,
	bulkAtLeast: 1.0,
	throttledOverFloorAtMost: 1.1,
	queueAtLeast: 1.6,
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Median and range of per-run ratios, e.g. `1.04× (0.98–1.11×)`. */
const ratios = (top: number[], bottom: number[]) => {
	const each = top.map((t, i) => t / bottom[i]);
	return { median: median(each), min: Math.min(...each), max: Math.max(...each), runs: each };
};
const spread = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values });
const showRatio = (r: { median: number; min: number; max: number }) => `${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)}×)`;
const say = (line = '') => process.stdout.write(`${line}\n`);

type Table = Array<[string, string, string]>;
interface Target {
	what: string;
	figure: string;
	met: boolean;
}

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

const setLatency = (stack: Stack, latency: Latency) => stack.emulator.setLatency(latency.ms, latency.jitterMs);

/** 1. Overhead: our node's code path against a raw fetch loop, same requests, same requests in flight. */
async function overheadSection(stack: Stack, table: Table, results: Record<string, unknown>, targets: Target[]): Promise<void> {
	const { emulator } = stack;
	setLatency(stack, NEAR);
	const ours: number[] = [];
	const raw: number[] = [];
	const oursRun = async (r: number) => {
		const org = `OURS${r}@AdobeOrg`;
		const credentials = new CredentialStore();
		credentials.set('flowServiceApi', { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: org, sandboxName: 'prod', baseUrl: emulator.url });
		const started = performance.now();
		const out = await runNode({
			credentials,
			items: Array.from({ length: N }, (_, i) => ({ i })),
			parameters: { resource: 'connection', operation: 'create', connector: 'greenplum', databaseLogin: 'node', name: `={{ "bench-${org}-" + $json.i }}`, host: '127.0.0.1', port: 5432, database: 'sales', username: 'analyst', password: 'analyst-pw', options: { ifExists: 'create', concurrency: DEFAULT_CONCURRENCY } },
		});
		ours.push(performance.now() - started);
		if (out.length !== N || emulator.connections(org).length !== N) throw new Error('overhead run lost items');
	};
	const rawRun = async (r: number) => {
		const org = `RAW${r}@AdobeOrg`;
		const started = performance.now();
		await pool(N, DEFAULT_CONCURRENCY, async (i) => {
			const response = await fetch(`${emulator.flowServiceUrl}/connections`, { method: 'POST', headers: headers(org), body: JSON.stringify(body(org, i)) });
			await response.json();
		});
		raw.push(performance.now() - started);
	};
	for (let r = 0; r < RUNS; r++) {
		for (const run of r % 2 === 0 ? [oursRun, rawRun] : [rawRun, oursRun]) await run(r);
	}
	const overhead = ratios(ours, raw);
	results.overhead = { n: N, latencyMs: NEAR.ms, concurrency: DEFAULT_CONCURRENCY, oursMs: median(ours), rawFetchMs: median(raw), ratio: overhead };
	table.push([`Overhead: 1,000 creates, node code path / raw fetch (${NEAR.name})`, showRatio(overhead), `${Math.round(median(ours))} ms vs ${Math.round(median(raw))} ms, ${DEFAULT_CONCURRENCY} in flight`]);
	targets.push({ what: `Node code path ≤ ${TARGET.overheadAtMost}× raw fetch, ${DEFAULT_CONCURRENCY} in flight, ${NEAR.name}`, figure: showRatio(overhead), met: overhead.median <= TARGET.overheadAtMost });
	say(`overhead done: ${table.at(-1)!.slice(1).join('  ')}`);
}

/** 2. Return All over 10,000 connections against following _links.next by hand, and its memory. */
async function listSection(stack: Stack, table: Table, results: Record<string, unknown>): Promise<void> {
	const { emulator } = stack;
	setLatency(stack, NEAR);
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
		ratio: ratios(oursList, handList),
		peakMiBPer1000Items: { at10000: perThousand(m10), at2000: perThousand(m2) },
	};
	table.push(['Return All: 10,000 connections, node / hand-followed links', showRatio(ratios(oursList, handList)), `${Math.round(median(oursList))} ms vs ${Math.round(median(handList))} ms, 100 pages`]);
	table.push(['Return All: peak memory per 1,000 items (10,000 / 2,000 listed)', `${perThousand(m10).toFixed(1)} / ${perThousand(m2).toFixed(1)} MiB`, 'peak JS heap during the run, above the warmed-up baseline']);
	say(`return all done: ${table.at(-2)!.slice(1).join('  ')}`);
}

/** 3. Cold load and package size. */
function loadSection(table: Table, results: Record<string, unknown>): void {
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
}

/**
 * 4. Bulk create in a real n8n: our node against n8n's HTTP Request node, same requests, at both
 * latencies, each run of ours next to a run of HTTP Request; then the same with the emulator limited
 * to RATE requests a second.
 */
async function n8nSections(stack: Stack, table: Table, results: Record<string, unknown>, targets: Target[]): Promise<void> {
	const { emulator } = stack;
	ensureN8n(say);
	const n8n = new N8nInstance();
	let runId = 0;
	try {
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
		const oursNode = (tag: string, concurrency?: number) => ({
			id: 'bulk', name: 'Bulk', type: 'CUSTOM.adobeFlowService', typeVersion: 1, position: [400, 0], onError: 'continueRegularOutput',
			parameters: { resource: 'connection', operation: 'create', connector: 'greenplum', databaseLogin: 'node', name: `={{ "bench-${tag}-" + $json.i }}`, host: '127.0.0.1', port: 5432, database: 'sales', username: 'analyst', password: 'analyst-pw', options: concurrency === undefined ? { ifExists: 'create' } : { ifExists: 'create', concurrency } },
			credentials: { flowServiceApi: { id: 'benchFlowSvcCred', name: 'bench' } },
		});
		const httpNode = (tag: string) => ({
			id: 'bulk', name: 'Bulk', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [400, 0], onError: 'continueRegularOutput',
			parameters: {
				method: 'POST',
				url: `${emulator.flowServiceUrl}/connections`,
				sendHeaders: true,
				headerParameters: { parameters: Object.entries(headers('PLACEHOLDER@AdobeOrg')).filter(([k]) => k !== 'Content-Type').map(([name, value]) => ({ name, value })) },
				sendBody: true,
				specifyBody: 'json',
				jsonBody: `={{ JSON.stringify({ name: "bench-${tag}-" + $json.i, auth: { specName: "Basic Authentication", params: { connectionString: "HOST=127.0.0.1;PORT=5432;DB=sales;UID=analyst;PWD=analyst-pw" } }, connectionSpec: { id: "37b6bf40-d318-4655-90be-5cd6f65d334b", version: "1.0" } }) }}`,
				options: {},
			},
		});
		// Our node's org comes from the credential, shared by every run: each run's tag is part of the names instead.
		const sharedOrg = 'PLACEHOLDER@AdobeOrg';
		const countCreated = (tag: string) => emulator.connections(sharedOrg).filter((c) => c.name.startsWith(`bench-${tag}-`)).length;
		/** One execution of a Bulk node; its time is n8n's own executionTime for that node. */
		const once = async (label: string, make: (tag: string) => object, throttled = false) => {
			const id = `bench${String(runId++).padStart(11, '0')}`;
			const tag = `${label}${runId}`;
			await n8n.importWorkflow(flow(id, make(tag)));
			if (throttled) emulator.setRateLimit(RATE);
			try {
				const run = await n8n.execute(id);
				const nodeRun = run.result?.data.resultData.runData.Bulk?.[0] as { executionTime?: number } | undefined;
				if (!nodeRun?.executionTime) throw new Error(`${label}: the execution did not run\n${run.output.slice(-2000)}`);
				if (itemsOf(run.result, 'Bulk').length !== N) throw new Error(`${label}: ${itemsOf(run.result, 'Bulk').length} items came out of ${N}`);
				return { ms: nodeRun.executionTime, lost: N - countCreated(tag) };
			} finally {
				emulator.setRateLimit(undefined);
			}
		};
		/** RUNS pairs: ours and HTTP Request, alternating which goes first. */
		const pairs = async (label: string, ours: (tag: string) => object, theirs: (tag: string) => object) => {
			const a: number[] = [];
			const b: number[] = [];
			let lost = 0;
			for (let r = 0; r < RUNS; r++) {
				for (const first of r % 2 === 0 ? [true, false] : [false, true]) {
					const result = await once(first ? `${label}Ours` : `${label}Http`, first ? ours : theirs);
					(first ? a : b).push(result.ms);
					if (first) lost += result.lost;
				}
			}
			return { ours: a, http: b, lost };
		};

		if (ONLY.has('bulk')) {
			const bulk: Record<string, unknown> = { n8n: n8nVersion(), n: N };
			for (const latency of [NEAR, PLATFORM]) {
				setLatency(stack, latency);
				// No Concurrency option: Auto, as a user who sets nothing gets it.
				const auto = await pairs(`auto${latency.ms}`, (tag) => oursNode(tag), (tag) => httpNode(tag));
				const throughput = ratios(auto.http, auto.ours);
				bulk[`latency${latency.ms}`] = { latency, concurrency: 'auto', oursMs: auto.ours, httpRequestAllAtOnceMs: auto.http, throughputRatio: throughput, oursLost: auto.lost };
				table.push([`n8n bulk create (${latency.name}): throughput ours (Auto) / HTTP Request (all at once)`, showRatio(throughput), `${Math.round(median(auto.ours))} ms vs ${Math.round(median(auto.http))} ms; ours lost ${auto.lost}`]);
				targets.push({ what: `Bulk create in n8n, ${latency.name}: ours (no Concurrency set) ≥ ${TARGET.bulkAtLeast.toFixed(1)}× HTTP Request`, figure: showRatio(throughput), met: throughput.median >= TARGET.bulkAtLeast && auto.lost === 0 });
				say(`bulk create at ${latency.name} done: ${table.at(-1)!.slice(1).join('  ')}`);
			}
			results.bulkCreateInN8n = bulk;
		}

		if (ONLY.has('throttled')) {
			const floor = (N / RATE) * 1000;
			const throttled: Record<string, unknown> = { n8n: n8nVersion(), n: N, ratePerSecond: RATE, floorMs: floor };
			for (const latency of [NEAR, PLATFORM]) {
				setLatency(stack, latency);
				const times: number[] = [];
				let lost = 0;
				for (let r = 0; r < RUNS; r++) {
					const result = await once(`throttled${latency.ms}x`, (tag) => oursNode(tag), true);
					times.push(result.ms);
					lost += result.lost;
				}
				const overFloor = spread(times.map((ms) => ms / floor));
				throttled[`latency${latency.ms}`] = { latency, oursMs: times, oursLost: lost, oursOverFloor: overFloor };
				table.push([`Throttled to ${RATE}/s (${latency.name}), no Concurrency set: our time / N÷R (${floor / 1000} s)`, showRatio(overFloor), `${Math.round(median(times))} ms; lost ${lost} of ${N * RUNS}`]);
				targets.push({ what: `Throttled to ${RATE}/s, ${latency.name}: 0 lost and time ≤ ${TARGET.throttledOverFloorAtMost}× N÷R`, figure: `${showRatio(overFloor)}, ${lost} lost`, met: lost === 0 && overFloor.median <= TARGET.throttledOverFloorAtMost });
				say(`throttled at ${latency.name} done: ${table.at(-1)!.slice(1).join('  ')}`);
			}
			// What the HTTP Request node does against the same limit (once: it is there for the count).
			setLatency(stack, NEAR);
			const http = await once('throttledHttp', (tag) => httpNode(tag), true);
			throttled.httpRequest = { latency: NEAR, ms: http.ms, lost: http.lost };
			table.push([`Throttled to ${RATE}/s (${NEAR.name}): HTTP Request node, items lost`, `${http.lost}`, `of ${N}, one run`]);
			results.throttled = throttled;
		}
	} finally {
		n8n.dispose();
	}
}

/**
 * 5. n8n's queue mode at the Platform-like latency: the same load (QUEUE_EXECUTIONS webhook executions
 * of QUEUE_ITEMS creates, each capped at QUEUE_EXECUTION_CONCURRENCY in flight, QUEUE_PARALLEL
 * executions sent at once) with one worker and with two, alternating which goes first; throughput
 * ratio two / one.
 */
async function queueSection(stack: Stack, table: Table, results: Record<string, unknown>, targets: Target[]): Promise<void> {
	const unavailable = await queueUnavailable();
	const what = `Queue mode (${PLATFORM.name}): throughput, two workers / one`;
	if (unavailable) {
		table.push([what, 'skipped', unavailable]);
		targets.push({ what: `${what} ≥ ${TARGET.queueAtLeast}×`, figure: 'skipped', met: false });
		return;
	}
	setLatency(stack, PLATFORM);
	const org = 'BENCHQUEUE000000000000A@AdobeOrg';
	const suffix = Date.now().toString(36);
	const cluster = await QueueCluster.start({
		credentials: [
			{ id: 'benchFlowSvcCred', name: 'bench', type: 'flowServiceApi', data: { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: org, sandboxName: 'prod', baseUrl: stack.emulator.url } },
			{ id: 'aepSourceDbLogin', name: 'Source database login', type: 'flowServiceDatabaseApi', data: { loginInput: 'fields', host: '127.0.0.1', port: '5432', database: 'sales', username: 'analyst', password: 'analyst-pw' } },
		],
		workflows: [createFromWebhook('benchQueueLoad01', suffix, { type: 'flowServiceApi', id: 'benchFlowSvcCred' }, { concurrency: QUEUE_EXECUTION_CONCURRENCY, ifExists: 'create' })],
		active: ['benchQueueLoad01'],
		workers: 1,
		concurrency: QUEUE_WORKER_CONCURRENCY,
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
			// Every load against an empty org: each create looks its name up first (If It Exists: Reuse
			// It), and with thousands of connections left from earlier loads each load ran slower than the last.
			stack.emulator.reset();
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
			latency: PLATFORM,
			machineBusy: { oneWorker: machineShare(1), twoWorkers: machineShare(2) },
			cpuShareOfOneCore: { main: { oneWorker: mainShare(1), twoWorkers: mainShare(2) }, eachWorker: { oneWorker: workerShare(1), twoWorkers: workerShare(2) } },
			n8n: n8nVersion(),
			executions: QUEUE_EXECUTIONS,
			itemsEach: QUEUE_ITEMS,
			executionConcurrency: QUEUE_EXECUTION_CONCURRENCY,
			parallelExecutions: QUEUE_PARALLEL,
			workerConcurrency: QUEUE_WORKER_CONCURRENCY,
			oneWorkerMs: one,
			twoWorkersMs: two,
			throughputRatio: ratio,
		};
		table.push([
			`${what} (${QUEUE_EXECUTIONS} webhook executions × ${QUEUE_ITEMS} creates, ${QUEUE_EXECUTION_CONCURRENCY} in flight each)`,
			showRatio(ratio),
			`${Math.round(median(two))} ms vs ${Math.round(median(one))} ms; main, workers, Redis, PostgreSQL, emulator and load on ${cpus().length} cores`,
		]);
		targets.push({ what: `${what} ≥ ${TARGET.queueAtLeast}× (worker concurrency ${QUEUE_WORKER_CONCURRENCY})`, figure: showRatio(ratio), met: ratio.median >= TARGET.queueAtLeast });
		table.push(['Queue mode: CPU, share of one core (median), main / each worker', `${mainShare(2).toFixed(2)} / ${workerShare(2).toFixed(2)}`, `with two workers; with one: ${mainShare(1).toFixed(2)} / ${workerShare(1).toFixed(2)}`]);
		table.push([`Queue mode: the machine's ${cpus().length} cores busy (median)`, `${Math.round(machineShare(2) * 100)} %`, `with two workers; with one: ${Math.round(machineShare(1) * 100)} %`]);
		say(`queue mode done: ${table.at(-3)!.slice(1).join('  ')}`);
	} finally {
		await cluster.close();
	}
}

async function main() {
	// n8n-core's execution context keeps instance settings in a user folder: a throwaway one, removed at exit.
	if (process.env.N8N_USER_FOLDER === undefined) {
		const folder = mkdtempSync(join(tmpdir(), 'flow-service-bench-'));
		process.env.N8N_USER_FOLDER = folder;
		process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
	}
	const results: Record<string, unknown> = {
		machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
		runs: RUNS,
		sections: [...ONLY],
		latencies: [NEAR, PLATFORM],
		defaultConcurrency: DEFAULT_CONCURRENCY,
	};
	const table: Table = [];
	const targets: Target[] = [];
	ensureBuilt();
	const stack = await startStack({ tokens: [TOKEN], apiKeys: [API_KEY], latencyMs: NEAR.ms });
	try {
		if (ONLY.has('overhead')) await overheadSection(stack, table, results, targets);
		if (ONLY.has('list')) await listSection(stack, table, results);
		if (ONLY.has('load')) loadSection(table, results);
		if (ONLY.has('bulk') || ONLY.has('throttled')) await n8nSections(stack, table, results, targets);
		if (ONLY.has('queue')) await queueSection(stack, table, results, targets);
	} finally {
		await stack.close();
	}
	report(table, targets, results);
}

function report(table: Table, targets: Target[], results: Record<string, unknown>): void {
	say('');
	say(`Benchmark — ${cpus().length} cores, Node ${process.version}, emulator latency ${NEAR.name} or ${PLATFORM.name} as each line says, medians (min–max) of ${RUNS} runs`);
	const width = Math.max(...table.map((r) => r[0].length));
	for (const [what, value, detail] of table) say(`  ${what.padEnd(width)}  ${value.padStart(14)}  ${detail}`);
	if (targets.length > 0) {
		say('');
		say(`Targets${RUNS < 5 ? ` (only ${RUNS} runs each: indicative, the targets are medians of at least 5)` : ''}`);
		const targetWidth = Math.max(...targets.map((t) => t.what.length));
		const figureWidth = Math.max(...targets.map((t) => t.figure.length));
		for (const t of targets) say(`  ${t.what.padEnd(targetWidth)}  ${t.figure.padStart(figureWidth)}  ${t.met ? 'met' : 'MISSED'}`);
	}
	if (SAVE) {
		mkdirSync(join(__dirname, 'results'), { recursive: true });
		writeFileSync(join(__dirname, 'results', 'latest.json'), JSON.stringify({ ...results, table, targets }, null, 2) + '\n');
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
