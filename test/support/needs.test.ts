/**
 * support/needs.ts: tests that need a server or a program are skipped where it is missing, with one
 * SKIPPED line, and fail to run under CI=true, naming it and how to start it.
 */
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';

import type { Need } from '../../support/needs';
import { installed, isCi, listening, requiring } from '../../support/needs';

/** A port on which nothing listens: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	await new Promise((done) => server.close(done));
	return port;
}

test('listening: a port where something listens is there; a closed one is absent, saying why and how to start it', async () => {
	const server = createServer((socket) => socket.destroy());
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	try {
		const open = (server.address() as AddressInfo).port;
		const closed = await closedPort();
		const [up, down] = listening({ name: 'Up', host: '127.0.0.1', port: open, start: 'up-start' }, { name: 'Down', host: '127.0.0.1', port: closed, start: 'down-start' });
		expect(up).toEqual({ what: `Up at 127.0.0.1:${open}`, absent: undefined, remedy: 'start it: up-start' });
		expect(down).toEqual({ what: `Down at 127.0.0.1:${closed}`, absent: 'nothing answers (ECONNREFUSED)', remedy: 'start it: down-start' });
	} finally {
		await new Promise((done) => server.close(done));
	}
});

test('installed: a file that is there, and one that is not', () => {
	expect(installed('Node.js', process.execPath, 'install it').absent).toBeUndefined();
	expect(installed('Nothing', '/no/such/program', 'install it')).toEqual({ what: 'Nothing at /no/such/program', absent: 'not installed', remedy: 'install it' });
});

test.each([
	['true', true],
	['1', true],
	['TRUE', true],
	['false', false],
	['0', false],
	['', false],
	[undefined, false],
])('isCi: CI=%p is %p', (value, expected) => {
	expect(isCi(value === undefined ? {} : { CI: value })).toBe(expected);
});

describe('requiring', () => {
	const here: Need = { what: 'Here at 127.0.0.1:1', absent: undefined, remedy: 'start it: here' };
	const gone: Need = { what: 'Gone at 127.0.0.1:2', absent: 'nothing answers (ECONNREFUSED)', remedy: 'start it: gone-start' };
	const ci = process.env.CI;
	let written: string[];

	beforeEach(() => {
		written = [];
		jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
			written.push(String(chunk));
			return true;
		});
	});
	afterEach(() => {
		jest.restoreAllMocks();
		if (ci === undefined) delete process.env.CI;
		else process.env.CI = ci;
	});

	test("every need met: jest's test and describe, and nothing said", () => {
		process.env.CI = 'false';
		expect(requiring('the tests', here)).toEqual({ met: true, test, describe });
		expect(written).toEqual([]);
	});

	test('a need missing: test.skip and describe.skip, after one SKIPPED line naming what was skipped, what is missing and why', () => {
		process.env.CI = 'false';
		expect(requiring('the tests', here, gone)).toEqual({ met: false, test: test.skip, describe: describe.skip });
		expect(written).toEqual(['SKIPPED: the tests: Gone at 127.0.0.1:2: nothing answers (ECONNREFUSED); start it: gone-start\n']);
	});

	test('a need missing under CI=true: an error naming it and how to start it, and nothing skipped', () => {
		process.env.CI = 'true';
		expect(() => requiring('the tests', here, gone)).toThrow('the tests cannot run, and CI=true skips nothing: Gone at 127.0.0.1:2: nothing answers (ECONNREFUSED); start it: gone-start');
		expect(written).toEqual([]);
	});
});
