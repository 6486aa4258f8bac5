/**
 * `npm run try`: the package in n8n's editor, with no Adobe account. Builds the package, installs the
 * pinned n8n (once), installs the packed package into n8n's community-node folder the way n8n's
 * installer does, starts the Flow Service emulator and the sample database on their stable ports,
 * imports the two credentials (pointing at them) and every example workflow, sets up n8n's owner
 * account, and starts the editor; until Ctrl+C, which stops n8n, the emulator and the database.
 *
 * n8n's user folder is kept between runs (TRY_USER_FOLDER, or n8n-nodes-adobe-flow-service-try in the
 * OS's temporary folder): what was done in the editor is there the next time. `--fresh` starts over.
 * At each start the package is installed again (this build) and the two credentials are written again
 * (this run's emulator and database); an example is imported only where n8n does not hold it.
 */
import { createWriteStream, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Stack } from '../emulator/stack';
import { clockFromStdin, credentialValues, portIsFree, startStableStack } from '../emulator/stack';
import { ensureBuilt, ensureN8n, exampleCredentials, exampleFiles, freePort, loadExample, N8nInstance, n8nVersion, OWNER, PINNED, restSession } from '../support/n8n';

/** n8n's own default port. */
const N8N_DEFAULT_PORT = 5678;
const NIGHTLY = 'nightly-table-to-dataset.json';
const IMS_ORG = 'EMULATOR@AdobeOrg';

const say = (line = '') => process.stdout.write(`${line}\n`);

/** What is running, stopped in the reverse order. */
const running: Array<() => Promise<void>> = [];
let stopping = false;

async function stopEverything(code: number): Promise<never> {
	if (!stopping) {
		stopping = true;
		for (const stop of running.reverse()) {
			await stop().catch((error: unknown) => say(`While stopping: ${error instanceof Error ? error.message : String(error)}`));
		}
		process.exit(code);
	}
	// A second Ctrl+C while stopping: the first one finishes the job.
	return await new Promise<never>(() => undefined);
}

async function n8nPort(): Promise<number> {
	const given = process.env.N8N_PORT;
	const port = given ? Number(given) : N8N_DEFAULT_PORT;
	if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`N8N_PORT=${given} is not a port number`);
	if (await portIsFree(port)) return port;
	const other = await freePort();
	say(`Port ${port} is taken (another n8n?), so n8n listens on ${other} this time. Set N8N_PORT to choose its port.`);
	return other;
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const folder = process.env.TRY_USER_FOLDER || join(tmpdir(), 'n8n-nodes-adobe-flow-service-try');
	if (args.includes('--fresh')) rmSync(folder, { recursive: true, force: true });
	const kept = existsSync(join(folder, '.n8n', 'database.sqlite'));
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			say('\nStopping n8n, the emulator and the sample database...');
			void stopEverything(0);
		});
	}
	// `npm run` starts this through a shell, and a SIGTERM sent to npm alone ends that shell, not this
	// process: when the process that started it is gone, stop as for a signal.
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid === parent) return;
		say('\nWhat started npm run try has ended: stopping n8n, the emulator and the sample database...');
		void stopEverything(0);
	}, 1000).unref();

	say('Building the package...');
	ensureBuilt();
	ensureN8n(say);
	const port = await n8nPort();
	const n8n = new N8nInstance(null, PINNED, {}, folder);
	say(`Installing the package into n8n ${n8nVersion()} as n8n's Community Nodes installer does...`);
	n8n.installPackage();

	say('Starting the Flow Service emulator and the sample database...');
	const stack: Stack & { login: { token: string; apiKey: string; clientSecret: string } } = await startStableStack(say, { onLog: (line) => !stopping && say(`  emulator: ${line}`) });
	running.push(() => stack.close());

	say(kept ? `Writing the credentials again into the n8n user folder of the last run (${folder})...` : 'Importing the credentials and the example workflows...');
	await n8n.importCredentials(exampleCredentials(stack, { token: stack.login.token, apiKey: stack.login.apiKey, imsOrgId: IMS_ORG }));
	const examples = exampleFiles().map((file) => ({ file, workflow: loadExample(file, {}, {}, true) }));
	const held = kept ? new Set(await n8n.workflowIds()) : new Set<string>();
	const missing = examples.filter(({ workflow }) => !held.has(workflow.id));
	await n8n.importWorkflows(missing.map(({ workflow }) => workflow));
	if (kept && missing.length) say(`  imported again: ${missing.map(({ file }) => file).join(', ')}`);

	say(`Starting n8n on port ${port}...`);
	const log = createWriteStream(join(folder, 'n8n.log'), { flags: 'a' });
	running.push(async () => {
		await n8n.stop();
		await new Promise<void>((resolveEnd) => log.end(() => resolveEnd()));
	});
	const url = await n8n.start({ port, listenAddress: '127.0.0.1', onOutput: (text) => log.write(text) });
	void n8n.serverStopped.then(async (exit) => {
		if (stopping) return;
		say(`n8n stopped by itself (${String(exit)}). The end of its log (${join(folder, 'n8n.log')}):`);
		say(n8n.serverOutput.slice(-3000));
		await stopEverything(1);
	});

	// The owner account, so that the editor opens at its login page; in a kept folder, it is there already.
	const loggedIn = await restSession(url, OWNER).then(
		() => true,
		(error: unknown) => {
			if (!kept) throw error;
			return false;
		},
	);
	const owner = loggedIn
		? `Log in as ${OWNER.email}, password ${OWNER.password}`
		: `n8n's owner there no longer logs in with ${OWNER.email} and ${OWNER.password}: log in with what you set (npm run try -- --fresh starts over)`;

	const nightly = examples.find(({ file }) => file === NIGHTLY)!;
	say('');
	say(`n8n ${n8nVersion()} is ready, with this package installed: ${url}`);
	say(`  ${owner}.`);
	say(`  Open the nightly example, then Execute workflow: ${url}/workflow/${nightly.workflow.id}`);
	say('  The other examples:');
	for (const { workflow } of examples.filter((example) => example !== nightly)) say(`    ${url}/workflow/${workflow.id}  ${workflow.name}`);
	say(`  The credentials "Flow Service API" and "Source database login" point at the emulator and the sample database.`);
	say(`  n8n's user folder, kept for the next npm run try (npm run try -- --fresh starts over): ${folder}; its log: n8n.log there.`);
	say('');
	say(`Flow Service emulator on ${stack.emulator.url} (IMS Org ID ${IMS_ORG} in the imported credential):`);
	for (const line of credentialValues(stack, stack.login)) say(`  ${line}`);
	say('');
	say("Type +1d and Enter to move the Platform's clock a day forward (+24h, +30m… too); Ctrl+C stops n8n, the emulator and the database.");
	const stopListening = clockFromStdin(stack, say);
	running.push(async () => stopListening());
}

main().catch(async (error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	await stopEverything(1);
});
