/** underLock: builds and installs one process at a time, the others waiting for the first to finish. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { ROOT, underLock } from '../../support/n8n';

test('a second process waits while the first holds the lock, then runs', async () => {
	const name = `test-${process.pid}`;
	// Another process takes the lock and holds it for 1.5 s.
	const holder = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', `require(${JSON.stringify(join(ROOT, 'support', 'n8n'))}).underLock(${JSON.stringify(name)}, () => { process.stdout.write('held\\n'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500); })`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
	await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
	const started = Date.now();
	const ran = underLock(name, () => Date.now());
	expect(ran - started).toBeGreaterThanOrEqual(700);
	await new Promise((resolve) => holder.once('exit', resolve));
	// Released: the next one runs at once.
	const again = Date.now();
	underLock(name, () => undefined);
	expect(Date.now() - again).toBeLessThan(500);
});
