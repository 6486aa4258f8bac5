/**
 * The node in n8n's queue mode: the pinned n8n as a main process and two workers
 * (EXECUTIONS_MODE=queue), Bull's queue in the Redis at 127.0.0.1:6379, n8n's data in a new
 * PostgreSQL database at 127.0.0.1:5432 (dropped afterwards), our packed package installed in the
 * shared user folder, the emulator as the Platform. Executions come in through a production
 * webhook and a schedule, as they do in production, so that the main process queues them and a
 * worker runs them.
 *
 * Needs Redis and PostgreSQL: where either does not answer, every test is skipped and the run says
 * so (`SKIPPED:`); under CI=true (`.ci/run`, where they run) the file fails instead (support/needs.ts).
 */
import type { Stack } from '../../emulator/stack';
import { startStack } from '../../emulator/stack';
import { API_KEY, CLIENT_SECRET, ORG, TOKEN } from '../../support/harness';
import { loadExample } from '../../support/n8n';
import type { StoredExecution } from '../../support/queue';
import { requiring } from '../../support/needs';
import { chainFromWebhook, createFromWebhook, outputOf, QueueCluster, queueNeeds, sendNames, startedBy } from '../../support/queue';

jest.setTimeout(600_000);

/** jest's `test`, or `test.skip` where Redis or PostgreSQL does not answer: then no hook runs either. */
const queueTest = requiring('queue mode (test:queue)', ...queueNeeds()).test;

const RUN = `${Date.now().toString(36)}${process.pid}`;
const S2S = 'aepFlowSvcS2S001';
const TOKEN_CRED = 'aepFlowSvcCred01';
const DB_LOGIN = 'aepSourceDbLogin';
const LOAD = 'flowSvcQueueLoad1';
/** The same, two creates at a time: an execution that takes seconds, for a worker to be killed in the middle of. */
const SLOW = 'flowSvcQueueSlow1';
/** A connection and its source connection, Reuse It: called many times at once with one name. */
const RACE = 'flowSvcQueueRace1';
const EXECUTIONS = 50;
const WORKER_CONCURRENCY = 10;
const ITEMS = 20;

let stack: Stack;
let cluster: QueueCluster;

const send = (names: string[], workflowId = LOAD) => sendNames(cluster.url, `${workflowId}-${RUN}`, names);

/** Runs `batches` with at most `parallel` requests in flight; `onAnswer` is told how many have been answered. */
async function sendAll(batches: string[][], parallel = 10, onAnswer: (answered: number) => void = () => undefined, workflowId = LOAD): Promise<Array<Array<Record<string, unknown>>>> {
	const results: Array<Array<Record<string, unknown>>> = new Array(batches.length);
	let next = 0;
	let answered = 0;
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (next < batches.length) {
				const index = next++;
				results[index] = await send(batches[index], workflowId);
				onAnswer(++answered);
			}
		}),
	);
	return results;
}

const names = (prefix: string, executions: number, items: number) => Array.from({ length: executions }, (_, e) => Array.from({ length: items }, (_, i) => `${prefix}-${e}-${i}`));

/** The emulator's connections whose name starts with `prefix`, counted by name. */
function connectionsNamed(prefix: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const c of stack.emulator.connections(ORG)) if (c.name.startsWith(prefix)) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
	return counts;
}

beforeAll(async () => {
	stack = await startStack({ tokens: [TOKEN], apiKeys: [API_KEY], imsClients: [{ clientId: API_KEY, clientSecret: CLIENT_SECRET }] });
	const platform = { imsOrgId: ORG, sandboxName: 'prod', baseUrl: stack.emulator.url };
	cluster = await QueueCluster.start({
		credentials: [
			{ id: TOKEN_CRED, name: 'Flow Service API', type: 'flowServiceApi', data: { accessToken: TOKEN, apiKey: API_KEY, ...platform } },
			{ id: S2S, name: 'Server-to-Server', type: 'flowServiceServerToServerApi', data: { accessToken: '', clientId: API_KEY, clientSecret: CLIENT_SECRET, scopes: 'openid,AdobeID', imsTokenUrl: stack.emulator.imsTokenUrl, ...platform } },
			{ id: DB_LOGIN, name: 'Source database login', type: 'flowServiceDatabaseApi', data: { loginInput: 'fields', host: stack.database.host, port: String(stack.database.port), ...stack.database.login } },
		],
		workflows: [
			createFromWebhook(LOAD, RUN, { type: 'flowServiceServerToServerApi', id: S2S }),
			createFromWebhook(SLOW, RUN, { type: 'flowServiceServerToServerApi', id: S2S }, { concurrency: 2 }),
			chainFromWebhook(RACE, RUN, { type: 'flowServiceApi', id: TOKEN_CRED }),
		],
		active: [LOAD, SLOW, RACE],
		workers: 2,
		concurrency: WORKER_CONCURRENCY,
		settings: {
			N8N_LOG_LEVEL: 'info',
			// A killed worker's job is found stalled in about 15 s, not n8n's default of up to 90 s.
			QUEUE_WORKER_LOCK_DURATION: '10000',
			QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
			QUEUE_WORKER_STALLED_INTERVAL: '5000',
		},
	});
}, 900_000);

afterAll(async () => {
	await cluster?.close();
	await stack?.close();
});


queueTest(`${EXECUTIONS} webhook executions × ${ITEMS} items: every connection made once, every item back, both workers ran some`, async () => {
	const batches = names('load', EXECUTIONS, ITEMS);
	const tokensBefore = stack.emulator.stats.tokensIssued;
	let tokensAtExpiry = 0;
	// Halfway, every IMS token expires while executions are in flight: the workers must renew and lose nothing.
	const results = await sendAll(batches, 10, (answered) => {
		if (answered !== EXECUTIONS / 2) return;
		tokensAtExpiry = stack.emulator.stats.tokensIssued;
		stack.emulator.expireTokens();
	});
	results.forEach((items, e) => {
		expect(items.map((item) => item.name)).toEqual(batches[e]);
		for (const item of items) expect(item).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), created: true });
	});
	const counts = connectionsNamed('load-');
	expect(counts.size).toBe(EXECUTIONS * ITEMS);
	expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
	const ran = cluster.workers.map((worker) => startedBy(worker).length);
	const tokens = { before: tokensAtExpiry - tokensBefore, after: stack.emulator.stats.tokensIssued - tokensAtExpiry };
	process.stdout.write(
		`queue: ${EXECUTIONS} executions × ${ITEMS} items ran ${ran.join(' + ')} on the two workers; IMS tokens issued: ${tokens.before} before the expiry, ${tokens.after} after it\n`,
	);
	expect(ran.every((n) => n > 0)).toBe(true);
	expect(ran.reduce((a, b) => a + b, 0)).toBe(EXECUTIONS);
	// n8n fetches a missing token (the credential's preAuthentication) in each execution that finds none, and the
	// node renews once per execution on a 401: so at most one token request per execution in flight (each worker
	// runs up to WORKER_CONCURRENCY at once) per expiry, never one per item.
	for (const issued of [tokens.before, tokens.after]) {
		expect(issued).toBeGreaterThanOrEqual(1);
		expect(issued).toBeLessThanOrEqual(cluster.workers.length * WORKER_CONCURRENCY);
	}
	// Every item of every execution is paired with the input item it came from.
	const executions = await cluster.executionsOf(LOAD);
	expect(executions).toHaveLength(EXECUTIONS);
	for (const execution of executions) {
		expect(execution.status).toBe('success');
		const items = outputOf(execution, 'Create Connection');
		expect(items).toHaveLength(ITEMS);
		items.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));
	}
});

queueTest('race: one webhook called 10 times at once across both workers, 5 rounds: one connection and one source connection per name, every answer names them', async () => {
	const ROUNDS = 5;
	const AT_ONCE = 10;
	// The Platform answering in ~200 ms: executions that start together really overlap.
	stack.emulator.setLatency(200);
	const left: number[] = [];
	try {
		for (let round = 0; round < ROUNDS; round++) {
			const name = `race-${RUN}-${round}`;
			const answers = await Promise.all(Array.from({ length: AT_ONCE }, async () => await send([name], RACE)));
			const sources = [...stack.emulator.pipeline.connections.sources.bucket(ORG, 'prod').values()].filter((s) => s.name === `${name} source`);
			const connections = stack.emulator.connections(ORG).filter((c) => c.name === name);
			expect(connections).toHaveLength(1);
			expect(sources).toHaveLength(1);
			for (const [answer] of answers) expect(answer).toMatchObject({ id: sources[0].id, baseConnectionId: connections[0].id });
			left.push(connections.length, sources.length);
		}
	} finally {
		stack.emulator.setLatency(0);
	}
	const ran = (await cluster.executionsOf(RACE)).map((e) => e.id);
	const byWorker = cluster.workers.map((worker) => startedBy(worker).filter((id) => ran.includes(id)).length);
	process.stdout.write(`race: ${ROUNDS} rounds of ${AT_ONCE} executions at once (run ${byWorker.join(' + ')} on the two workers), objects left per key ${Math.max(...left)}\n`);
	expect(byWorker.every((n) => n > 0)).toBe(true);
});

queueTest('the nightly example on a real schedule: three firings, each run by a worker; one connection made, then reused twice', async () => {
	const workflow = loadExample('nightly-table-to-dataset.json', { 'Every Night': { rule: { interval: [{ field: 'seconds', secondsInterval: 15 }] } } }, {}, true);
	await cluster.n8n.importWorkflow(workflow);
	await cluster.activate(workflow.id);
	const deadline = Date.now() + 180_000;
	let done: StoredExecution[] = [];
	while (done.length < 3 && Date.now() < deadline) {
		await new Promise((resolveWait) => setTimeout(resolveWait, 2_000));
		done = (await cluster.executionsOf(workflow.id)).filter((e) => !['new', 'running', 'waiting'].includes(e.status));
	}
	await cluster.deactivate(workflow.id);
	const [first, second, third] = done;
	expect(done.length).toBeGreaterThanOrEqual(3);
	expect([first, second, third].map((e) => e.status)).toEqual(['success', 'success', 'success']);
	const connect = [first, second, third].map((e) => outputOf(e, 'Connect Warehouse')[0]?.json);
	expect(connect.map((c) => [c.created, c.reused])).toEqual([
		[true, false],
		[false, true],
		[false, true],
	]);
	expect(new Set(connect.map((c) => c.id)).size).toBe(1);
	expect(connectionsNamed('Sample warehouse (GreenPlum)').get('Sample warehouse (GreenPlum)')).toBe(1);
	const byWorkers = cluster.workers.flatMap(startedBy);
	for (const execution of [first, second, third]) expect(byWorkers).toContain(execution.id);
	process.stdout.write(`queue: the schedule fired ${done.length} times by the end; executions ${[first, second, third].map((e) => e.id).join(', ')} ran on workers\n`);
});

queueTest('a worker killed mid-run (SIGKILL): what n8n does is recorded, and sending the unanswered again makes no duplicate', async () => {
	const batches = names('kill', 10, ITEMS);
	const victim = cluster.workers[0];
	const startedBefore = startedBy(victim).length;
	// Each create takes 200 ms and an execution makes two at a time: about 2 s an execution.
	stack.emulator.faults.add({ method: 'POST', path: /^\/connections$/, kind: { type: 'delay', ms: 200 }, times: Infinity });
	try {
		const sending = Promise.allSettled(batches.map((batch) => send(batch, SLOW)));
		// Killed once its executions have made some of their connections, not all.
		const deadline = Date.now() + 60_000;
		const madeByVictim = () => startedBy(victim).length > startedBefore && connectionsNamed('kill-').size >= 2 * ITEMS;
		while (!madeByVictim() && Date.now() < deadline) await new Promise((resolveWait) => setTimeout(resolveWait, 50));
		victim.process.kill('SIGKILL');
		await victim.exited;
		const inFlight = startedBy(victim).slice(startedBefore);
		const madeBeforeKill = connectionsNamed('kill-').size;
		const answers = await sending;
		const unanswered = batches.filter((_, i) => answers[i].status === 'rejected' || (answers[i] as PromiseFulfilledResult<Array<Record<string, unknown>>>).value.length !== ITEMS);
		const statuses = (await cluster.executionsOf(SLOW)).map((e) => e.status);
		const before = connectionsNamed('kill-');
		const refusals = [...new Set(answers.flatMap((a) => (a.status === 'rejected' ? [String((a.reason as Error).message).slice(0, 160)] : [])))];
		process.stdout.write(
			`queue: killed a worker with execution(s) ${inFlight.join(', ')} in flight (${madeBeforeKill} of ${batches.length * ITEMS} connections made by then); ${batches.length - unanswered.length} of ${batches.length} requests answered in full (the others: ${JSON.stringify(refusals)}); n8n's statuses: ${JSON.stringify(statuses)}; ${before.size} connections made before anything was sent again\n`,
		);
		expect(inFlight.length).toBeGreaterThan(0);
		expect([...before.values()].filter((n) => n > 1)).toEqual([]);
		// The operator sends again what got no full answer; every Create finds what the killed worker made, and reuses it.
		const again = await sendAll(unanswered, 5, undefined, SLOW);
		for (const items of again) expect(items).toHaveLength(ITEMS);
		const after = connectionsNamed('kill-');
		expect(after.size).toBe(batches.length * ITEMS);
		expect([...after.values()].filter((n) => n > 1)).toEqual([]);
		const reused = again.flat().filter((item) => item.reused === true).length;
		process.stdout.write(
			`queue: sent ${unanswered.length} again: ${reused} of ${unanswered.length * ITEMS} items reused a connection the killed run had made; 0 duplicates; n8n's statuses now: ${JSON.stringify((await cluster.executionsOf(SLOW)).map((e) => e.status))}\n`,
		);
	} finally {
		stack.emulator.faults.clear();
	}
});
