/**
 * The first step of `npm run lint`: n8n's own `n8n-node cloud-support` (from @n8n/node-cli) must
 * call the package eligible for n8n Cloud verification, which it does only with `"strict": true`
 * in package.json's `n8n` section and eslint.config.mjs exactly n8n's default. The command prints
 * its verdict and exits 0 either way; this exits 1 unless the verdict is "eligible", and prints it.
 *
 * Usage: npx ts-node --transpile-only scripts/cloudSupport.ts   (in the package folder, as `npm run lint` runs it)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const cli = join(process.cwd(), 'node_modules', '.bin', 'n8n-node');
// No colours, so the verdict can be read: picocolors colours whenever FORCE_COLOR is set at all.
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
delete env.FORCE_COLOR;
const result = spawnSync(cli, ['cloud-support'], { encoding: 'utf8', env });
const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.replace(/\u001b\[[0-9;]*m/g, '');
const eligible = result.status === 0 && /Status: eligible\b/.test(output);
const verdict = output.split('\n').filter((line) => /Strict mode:|ESLint config:|Status:/.test(line)).map((line) => line.replace(/^[\s│]+•\s*/, ''));

if (eligible) {
	process.stdout.write(`✓ n8n-node cloud-support: eligible for n8n Cloud verification (${verdict.slice(0, 2).join('; ')})\n`);
} else {
	process.stdout.write(`✗ n8n-node cloud-support: not eligible for n8n Cloud verification\n${verdict.length ? verdict.map((line) => `  ${line}`).join('\n') : output || result.error}\n`);
	process.stdout.write('  package.json needs "strict": true in its "n8n" section, and eslint.config.mjs must be exactly n8n\'s default\n  (npx n8n-node cloud-support enable writes both); our own rules go in eslint.project.mjs.\n');
}
process.exit(eligible ? 0 : 1);
