/**
 * `npm run lint` keeps eslint.config.mjs exactly n8n's default (so `n8n-node cloud-support` calls the
 * package eligible for n8n Cloud) and runs our own rules from eslint.project.mjs beside it. Each test
 * breaks one thing in a copy of the repository and runs `npm run lint` there: it must fail, named,
 * before it reaches the package scanner (test/scripts/scan.test.ts covers that step).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const COPIED = ['package.json', 'eslint.config.mjs', 'eslint.project.mjs', 'tsconfig.json', 'nodes', 'credentials', 'emulator', 'scripts'];
jest.setTimeout(120_000);

const copies: string[] = [];

function copyOfRepository(): string {
	const copy = mkdtempSync(join(tmpdir(), 'flow-service-lint-test-'));
	copies.push(copy);
	for (const entry of COPIED) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
	symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
	return copy;
}

function lint(folder: string) {
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
	delete env.FORCE_COLOR;
	// jest sets NODE_ENV=test, and eslint-plugin-n8n-nodes-base then takes every file for a node file.
	delete env.NODE_ENV;
	const result = spawnSync('npm', ['run', 'lint'], { cwd: folder, encoding: 'utf8', env });
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

afterAll(() => {
	for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

test("this repository: n8n-node cloud-support calls the package eligible for n8n Cloud", () => {
	const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'ts-node'), ['--transpile-only', join(ROOT, 'scripts', 'cloudSupport.ts')], { cwd: ROOT, encoding: 'utf8' });
	expect(result.stdout).toContain('✓ n8n-node cloud-support: eligible for n8n Cloud verification');
	expect(result.status).toBe(0);
});

test("an emulator file importing the node's code, or n8n-workflow, fails npm run lint, named", () => {
	const copy = copyOfRepository();
	writeFileSync(
		join(copy, 'emulator', 'leak.ts'),
		`import { CONNECTORS } from '../nodes/AdobeFlowService/connectors';
import { NodeOperationError } from 'n8n-workflow';

export const leaked = [CONNECTORS, NodeOperationError];
`,
	);

	const { status, output } = lint(copy);
	expect(status).not.toBe(0);
	expect(output).toContain('✓ n8n-node cloud-support: eligible');
	expect(output).toMatch(/emulator\/leak\.ts[\s\S]*1:1\s+error\s+'\.\.\/nodes\/AdobeFlowService\/connectors' import is restricted[\s\S]*The emulator reads Adobe's docs, not the node's code[\s\S]*no-restricted-imports/);
	expect(output).toMatch(/2:1\s+error\s+'n8n-workflow' import is restricted[\s\S]*The emulator is a Platform, not an n8n node/);
	expect(output).not.toContain('n8n package scanner');
});

test("an eslint.config.mjs other than n8n's default fails npm run lint before any eslint run", () => {
	const copy = copyOfRepository();
	appendFileSync(join(copy, 'eslint.config.mjs'), "\nexport const ours = { rules: { 'no-console': 'off' } };\n");

	const first = lint(copy);
	expect(first.status).not.toBe(0);
	expect(first.output).toContain('✗ n8n-node cloud-support: not eligible for n8n Cloud verification');
	expect(first.output).toContain('ESLint config: using custom config');

	// And without "strict": true, though the config is n8n's default again.
	cpSync(join(ROOT, 'eslint.config.mjs'), join(copy, 'eslint.config.mjs'));
	const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')) as { n8n: Record<string, unknown> };
	delete manifest.n8n.strict;
	writeFileSync(join(copy, 'package.json'), JSON.stringify(manifest, null, 2));
	const second = lint(copy);
	expect(second.status).not.toBe(0);
	expect(second.output).toContain('Strict mode: disabled');
	expect(second.output).not.toContain('n8n package scanner');
});
