/**
 * The checks n8n's community package scanner (@n8n/scan-community-package) makes before n8n
 * verifies a package, run here on what would be published: its source leg on our sources
 * (package.json, nodes/, credentials/) and its tarball leg on the `npm pack` output (compiled
 * .js and the packed package.json). The scanner's own analyzer, at the version pinned in
 * pinned/scanner/, with its own rule versions: it ignores `eslint-disable` comments, so a rule our
 * eslint.config.mjs lets pass with one still fails here. Part of `npm run lint`.
 *
 * Usage: npx ts-node --transpile-only -O '{"module":"node16","moduleResolution":"node16"}' scripts/scan.ts [package folder]
 *   (default: this repository; `npm run scan` runs it so. The scanner is an ES module: module node16
 *   keeps its `import()` instead of turning it into a require.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(__dirname, '..');
const SCANNER = join(ROOT, 'pinned', 'scanner');
const SCANNER_PACKAGE = join(SCANNER, 'node_modules', '@n8n', 'scan-community-package');

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8', env });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status}):\n${result.stderr}`);
	return result.stdout;
}

interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
}

interface Scanner {
	analyzePackage(folder: string, patterns: string[]): Promise<ScanResult>;
	SOURCE_FILE_PATTERNS: string[];
}

/** Installs the pinned scanner unless that version is there; without install scripts (see pinned/scanner/package.json). */
function ensureScanner(): string {
	const wanted = JSON.parse(readFileSync(join(SCANNER, 'package.json'), 'utf8')).dependencies['@n8n/scan-community-package'];
	const manifest = join(SCANNER_PACKAGE, 'package.json');
	if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === wanted) return wanted;
	process.stdout.write(`Installing @n8n/scan-community-package ${wanted} into pinned/scanner/...\n`);
	run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], SCANNER);
	return wanted;
}

async function main(): Promise<number> {
	const packageDir = resolve(process.argv[2] ?? ROOT);
	const version = ensureScanner();
	// The scanner makes a temporary folder when loaded and leaves it: give it one of ours, removed below.
	const scratch = mkdtempSync(join(tmpdir(), 'flow-service-scan-'));
	process.env.TMPDIR = scratch;
	try {
		const { analyzePackage, SOURCE_FILE_PATTERNS } = (await import(pathToFileURL(join(SCANNER_PACKAGE, 'scanner', 'scanner.mjs')).href)) as Scanner;
		// `npm pack` builds (prepack) and packs what `files` publishes; the tarball leg lints that.
		const packed = run('npm', ['pack', '--silent', '--ignore-scripts=false', `--pack-destination=${scratch}`], packageDir).trim().split('\n').pop() ?? '';
		const unpacked = join(scratch, 'package');
		mkdirSync(unpacked);
		run('tar', ['-xzf', join(scratch, packed), '-C', unpacked, '--strip-components=1'], scratch);
		const legs: Array<[string, ScanResult]> = [
			['sources', await analyzePackage(packageDir, SOURCE_FILE_PATTERNS)],
			[`tarball ${packed}`, await analyzePackage(unpacked, ['**/*.js', 'package.json'])],
		];
		let passed = true;
		for (const [leg, result] of legs) {
			passed &&= result.passed;
			process.stdout.write(`${result.passed ? '✓' : '✗'} n8n package scanner ${version}, ${leg}: ${result.passed ? 'passed' : result.message}\n`);
			if (!result.passed && result.details) process.stdout.write(`${result.details}\n`);
		}
		return passed ? 0 : 1;
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	},
);
