// The test-file runner of `npm run mutation`: jest's own, with three changes for a mutant's run.
// Stryker runs a mutant with --findRelatedTests (every test file that imports the mutated file, which
// for the transport is nearly all) and a test-name pattern naming the tests that reach the mutant.
// - Only the files holding one of those tests run: test names begin with their file's path
//   (mutationEnvironment.js), so the pattern names the files. Jest would load every related file
//   only to skip most of their tests.
// - The test file beside the mutated file goes first (test/<its path>.test.ts), then the files with
//   the most tests reaching the mutant for each second the file took in Stryker's first run of all
//   the tests: the likeliest to fail for their cost (a file of races that takes 30 s goes after ten
//   that take half a second and reach the mutant as often).
// - The first file with a failing test ends the run: one failure kills the mutant, as Stryker counts
//   it. (Jest's own `bail` exits the process, which is Stryker's worker.)
const { appendFileSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const TestRunner = require('jest-runner').default;

const ROOT = join(__dirname, '../..');
// One line per mutant: its id, the milliseconds its files took and each file's. scripts/mutation.ts
// names the file (Stryker runs this from a copy of the repository it deletes afterwards) and reads it
// back to print where the run's time went.
const TIMING = process.env.MUTATION_TIMING ?? join(ROOT, 'reports/mutation/timing.jsonl');
const escape = (text) => text.replace(/[.*+\-?^${}()|[\]\\]/g, '\\$&');
// How long each test file took in Stryker's first run of all the tests (no mutant active), written then
// by the worker that ran it and read by every worker.
const DURATIONS = join(dirname(TIMING), 'durations.json');
/** Milliseconds a test file of unknown duration is taken to need. */
const UNKNOWN_MS = 1000;
let durations;
function durationOf(path) {
	if (durations === undefined) {
		try {
			durations = JSON.parse(readFileSync(DURATIONS, 'utf8'));
		} catch {
			durations = {};
		}
	}
	return durations[relative(ROOT, path)] ?? UNKNOWN_MS;
}

class MutationRunner extends TestRunner {
	constructor(globalConfig, context) {
		super(globalConfig, context);
		this.pattern = globalConfig.testNamePattern;
		this.mutated = (globalConfig.nonFlagArgs ?? []).map((file) => relative(ROOT, file).replace(/\.ts$/, ''));
	}

	/** Stryker's first run, of every test with no mutant active: as jest runs it, noting each file's time. */
	async runAll(tests, watcher, options) {
		const took = {};
		const off = this.on('test-file-success', ([test, result]) => (took[relative(ROOT, test.path)] = result.perfStats.end - result.perfStats.start));
		try {
			await super.runTests(tests, watcher, options);
		} finally {
			off();
		}
		if (Object.keys(took).length > 0) {
			mkdirSync(dirname(DURATIONS), { recursive: true });
			writeFileSync(DURATIONS, JSON.stringify(took));
			durations = took;
		}
	}

	async runTests(tests, watcher, options) {
		if (!process.env.__STRYKER_ACTIVE_MUTANT__) return await this.runAll(tests, watcher, options);
		if (!this.pattern) return await super.runTests(tests, watcher, options);
		const reaching = (test) => this.pattern.split(`(${escape(relative(ROOT, test.path))} `).length - 1;
		const beside = (test) => this.mutated.some((file) => relative(ROOT, test.path) === `test/${file}.test.ts`);
		let chosen = tests.filter((test) => reaching(test) > 0);
		// A pattern that names no file (tests named some other way) runs what jest found.
		if (chosen.length === 0) chosen = tests;
		const yieldPerMs = (test) => reaching(test) / Math.max(1, durationOf(test.path));
		chosen.sort((a, b) => Number(beside(b)) - Number(beside(a)) || yieldPerMs(b) - yieldPerMs(a));
		const started = performance.now();
		const files = [];
		let failed = false;
		const unsubscribe = [
			this.on('test-file-success', ([, result]) => (failed ||= result.numFailingTests > 0 || result.testExecError !== undefined)),
			this.on('test-file-failure', () => (failed = true)),
		];
		try {
			for (const test of chosen) {
				if (failed || watcher.isInterrupted()) break;
				const start = performance.now();
				await super.runTests([test], watcher, options);
				files.push([relative(ROOT, test.path), Math.round(performance.now() - start)]);
			}
		} finally {
			for (const off of unsubscribe) off();
			mkdirSync(dirname(TIMING), { recursive: true });
			const line = { at: Date.now(), pid: process.pid, mutant: process.env.__STRYKER_ACTIVE_MUTANT__, mutated: this.mutated, ms: Math.round(performance.now() - started), killed: failed, files };
			appendFileSync(TIMING, `${JSON.stringify(line)}\n`);
		}
	}
}

module.exports = MutationRunner;
