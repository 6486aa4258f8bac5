/**
 * The scripts (`npm run demo`, `try`, `compat`, `bench`...) run under ts-node, not jest: every module of
 * support/ they import must load without jest's globals (`expect`, `beforeAll`). Each is required in a
 * plain Node.js process here.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
jest.setTimeout(60_000);

function supportModulesOf(folder: string): string[] {
	const found = new Set<string>();
	for (const file of readdirSync(join(ROOT, folder)).filter((name) => name.endsWith('.ts'))) {
		for (const [, module] of readFileSync(join(ROOT, folder, file), 'utf8').matchAll(/from '\.\.\/support\/([\w/]+)'/g)) found.add(module);
	}
	return [...found].sort();
}

const modules = [...new Set([...supportModulesOf('scripts'), ...supportModulesOf('bench')])];

test('the scripts import support modules', () => {
	expect(modules).toEqual(expect.arrayContaining(['executions', 'n8n']));
});

test.each(modules)('support/%s loads outside jest', (module) => {
	const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', `require(${JSON.stringify(join(ROOT, 'support', module))})`], { cwd: ROOT, encoding: 'utf8' });
	expect(result.stderr).toBe('');
	expect(result.status).toBe(0);
});
