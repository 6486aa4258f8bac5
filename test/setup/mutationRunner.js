// The test-file runner of `npm run mutation`: jest's own, with three changes for a mutant's run.
// Stryker runs a mutant with --findRelatedTests (every test file that imports the mutated file, which
// for the transport is nearly all) and a test-name pattern naming the tests that reach the mutant.
// - Only the files holding one of those tests run: test names begin with their file's path
//   (mutationEnvironment.js), so the pattern names the files. Jest would load every related file
//   only to skip most of their tests.
// - The test file beside the mutated file goes first (test/<its path>.test.ts), then the files with
//   the most tests reaching the mutant: the likeliest to fail.
// - The first file with a failing test ends the run: one failure kills the mutant, as Stryker counts
//   it. (Jest's own `bail` exits the process, which is Stryker's worker.)
const { appendFileSync, mkdirSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const TestRunner = require('jest-runner').default;

const ROOT = join(__dirname, '../..');
// One line per mutant: its id, the milliseconds its files took and each file's. scripts/mutation.ts
// names the file (Stryker runs this from a copy of the repository it deletes afterwards) and reads it
// back to print where the run's time went.
const TIMING = process.env.MUTATION_TIMING ?? join(ROOT, 'reports/mutation/timing.jsonl');
const escape = (text) => text.replace(/[.*+\-?^${}()|[\]\\]/g, '\\$&');

class MutationRunner extends TestRunner {
	constructor(globalConfig, context) {
		super(globalConfig, context);
		this.pattern = globalConfig.testNamePattern;
		this.mutated = (globalConfig.nonFlagArgs ?? []).map((file) => relative(ROOT, file).replace(/\.ts$/, ''));
	}

	async runTests(tests, watcher, options) {
		if (!this.pattern || !process.env.__STRYKER_ACTIVE_MUTANT__) return await super.runTests(tests, watcher, options);
		const reaching = (test) => this.pattern.split(`(${escape(relative(ROOT, test.path))} `).length - 1;
		const beside = (test) => this.mutated.some((file) => relative(ROOT, test.path) === `test/${file}.test.ts`);
		let chosen = tests.filter((test) => reaching(test) > 0);
		// A pattern that names no file (tests named some other way) runs what jest found.
		if (chosen.length === 0) chosen = tests;
		chosen.sort((a, b) => Number(beside(b)) - Number(beside(a)) || reaching(b) - reaching(a));
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
