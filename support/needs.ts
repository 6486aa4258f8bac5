/**
 * Tests that need something this machine may lack: a database server, Redis, Chromium. Where it is
 * missing they are jest's skipped tests, counted as skipped in the summary, and the run prints one
 * line on stderr, `SKIPPED: <what was skipped>: <why>`. Under CI=true a missing one fails the run
 * instead, naming it and saying how to start it: `.ci/run` has them all, so there a missing server
 * is a broken machine, not a reason to pass.
 *
 * jest declares a file's tests when it loads the file, before any hook runs, so whether they run
 * must be known then: `requiring` is called at the top of the file, and the probes here are
 * synchronous (the TCP connects run in a child process).
 *
 *     const postgresql = requiring('explore on the PostgreSQL server', ...listening(POSTGRESQL));
 *     postgresql.describe('the PostgreSQL server', () => { beforeAll(…); test(…); });
 *
 * jest runs no beforeAll or afterAll of a block whose tests are all skipped, so the hooks of skipped
 * tests do not reach for what is missing either.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Need {
	/** What the tests need: `PostgreSQL at 127.0.0.1:5432`. */
	what: string;
	/** Why it is not there, or undefined where it is. */
	absent: string | undefined;
	/** How to start or install it. */
	remedy: string;
}

/** A server the tests reach over TCP, and the command that starts it. */
export interface Service {
	name: string;
	host: string;
	port: number;
	start: string;
}

/** Connects to each address at once; prints, in order, null where something answered, else why not. */
const PROBE = `
const { connect } = require('node:net');
const addresses = JSON.parse(process.argv[1]);
Promise.all(addresses.map(({ host, port }) => new Promise((done) => {
	const socket = connect({ host, port });
	const end = (why) => { socket.destroy(); done(why); };
	socket.setTimeout(2000, () => end('no answer in 2 s'));
	socket.once('error', (error) => end(error.code || error.message));
	socket.once('connect', () => end(null));
}))).then((reasons) => process.stdout.write(JSON.stringify(reasons)));
`;

/** Whether each service answers on its host and port (2 s each, all at once, in one child process). */
export function listening(...services: Service[]): Need[] {
	const addresses = services.map(({ host, port }) => ({ host, port }));
	const probe = spawnSync(process.execPath, ['-e', PROBE, JSON.stringify(addresses)], { encoding: 'utf8', timeout: 15_000 });
	let reasons: Array<string | null>;
	try {
		reasons = JSON.parse(probe.stdout);
	} catch {
		throw new Error(`Could not probe ${services.map((s) => `${s.host}:${s.port}`).join(', ')}: ${probe.error?.message ?? probe.stderr}`);
	}
	return services.map((service, i) => ({
		what: `${service.name} at ${service.host}:${service.port}`,
		absent: reasons[i] === null ? undefined : `nothing answers (${reasons[i]})`,
		remedy: `start it: ${service.start}`,
	}));
}

/** Whether a program is installed at `path`. */
export function installed(name: string, path: string, remedy: string): Need {
	return { what: `${name} at ${path}`, absent: existsSync(path) ? undefined : 'not installed', remedy };
}

/** Whether this run is CI's: CI set to anything but `false` or `0`. */
export const isCi = (env: NodeJS.ProcessEnv = process.env) => !!env.CI && !/^(false|0)$/i.test(env.CI);

export interface Requirement {
	/** Whether every need is met. */
	met: boolean;
	/** jest's `test`, or `test.skip` where a need is not met. */
	test: jest.It;
	/** jest's `describe`, or `describe.skip` where a need is not met. */
	describe: jest.Describe;
}

/**
 * jest's `test` and `describe` for tests that need all of `needs`, or their `.skip` where one is
 * missing, after one `SKIPPED: <skipped>: <why>` line on stderr (with how to mend it). Under CI=true
 * a missing need throws instead, so that the test file fails to run with that message.
 */
export function requiring(skipped: string, ...needs: Need[]): Requirement {
	const missing = needs.filter((need) => need.absent !== undefined);
	if (missing.length === 0) return { met: true, test, describe };
	if (isCi()) {
		const error = new Error(`${skipped} cannot run, and CI=true skips nothing: ${missing.map((need) => `${need.what}: ${need.absent}; ${need.remedy}`).join('. ')}`);
		// The message says it all: no code frame of this helper under it (jest reads one line as the message).
		error.stack = `${error.name}: ${error.message}`;
		throw error;
	}
	process.stderr.write(`SKIPPED: ${skipped}: ${missing.map((need) => `${need.what}: ${need.absent}; ${need.remedy}`).join('; ')}\n`);
	return { met: false, test: test.skip, describe: describe.skip };
}
