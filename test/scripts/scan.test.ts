/**
 * `npm run lint` runs n8n's package scanner (scripts/scan.ts, `npm run scan`) on the sources and the packed
 * tarball. It must fail where the scanner would, including where our own eslint config lets a
 * line pass with an `eslint-disable` comment, which the scanner ignores.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
jest.setTimeout(240_000);

let copy: string;

beforeAll(() => {
	copy = mkdtempSync(join(tmpdir(), 'flow-service-scan-test-'));
	for (const entry of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'gulpfile.js', 'index.js', 'nodes', 'credentials']) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
	symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

const scan = () => spawnSync('npm', ['run', '--silent', 'scan', '--', copy], { cwd: ROOT, encoding: 'utf8' });

test('a deprecated helper behind an eslint-disable comment and a runtime dependency fail both legs, named', () => {
	const file = join(copy, 'nodes', 'AdobeFlowService', 'methods', 'listSearch', 'shared.ts');
	writeFileSync(
		file,
		`${readFileSync(file, 'utf8')}
export async function legacy(this: import('n8n-workflow').ILoadOptionsFunctions): Promise<unknown> {
	// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
	return await this.helpers.request({ uri: 'https://platform.adobe.io' });
}
`,
	);
	const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')) as Record<string, unknown>;
	writeFileSync(join(copy, 'package.json'), JSON.stringify({ ...manifest, dependencies: { 'left-pad': '1.3.0' } }, null, 2));

	const result = scan();
	expect(result.status).toBe(1);
	expect(result.stdout).toMatch(/✗ n8n package scanner [\d.]+, sources: ESLint violations found/);
	expect(result.stdout).toMatch(/✗ n8n package scanner [\d.]+, tarball n8n-nodes-adobe-flow-service-[\d.]+\.tgz: ESLint violations found/);
	expect(result.stdout).toMatch(/shared\.ts[\s\S]*no-deprecated-workflow-functions/);
	expect(result.stdout).toMatch(/shared\.js[\s\S]*no-deprecated-workflow-functions/);
	expect(result.stdout).toContain('no-runtime-dependencies');
});
