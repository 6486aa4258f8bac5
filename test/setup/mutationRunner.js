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
const { join, relative } = require('node:path');
const TestRunner = require('jest-runner').default;

const ROOT = join(__dirname, '../..');
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
		let failed = false;
		const unsubscribe = [
			this.on('test-file-success', ([, result]) => (failed ||= result.numFailingTests > 0 || result.testExecError !== undefined)),
			this.on('test-file-failure', () => (failed = true)),
		];
		try {
			for (const test of chosen) {
				if (failed || watcher.isInterrupted()) break;
				await super.runTests([test], watcher, options);
			}
		} finally {
			for (const off of unsubscribe) off();
		}
	}
}

module.exports = MutationRunner;
