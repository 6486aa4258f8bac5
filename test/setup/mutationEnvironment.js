// The test environment of `npm run mutation`: node's, with each test's name beginning with its file's
// path, and n8n's own packages loaded once per process. Stryker knows a test by its full name only; with the file in it, mutationRunner.js can run
// just the files whose tests reach a mutant instead of every file that imports the mutated one.
const { relative } = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

const ROOT = require('node:path').join(__dirname, '../..');

class MutationEnvironment extends TestEnvironment {
	constructor(config, context) {
		super(config, context);
		this.file = relative(ROOT, context.testPath);
		// n8n-core is some 1,500 modules: loaded in every test file's registry, it costs each file
		// seconds, for each mutant. The mutation config maps it, n8n-workflow and @n8n/di (which must be
		// the same instances as n8n-core's) to test/setup/native/, which take them from here: Node's own
		// require, whose cache lives as long as the Stryker worker.
		this.global.__nativeRequire = require;
	}

	handleTestEvent(event, state) {
		// Every test and block is declared by now, and none has started.
		if (event.name === 'run_start') {
			for (const child of state.rootDescribeBlock.children) child.name = `${this.file} ${child.name}`;
		}
		// With a mutant active, the first failing test decides (the mutant is killed): the file's other
		// tests are skipped. A mutant that makes every test of a file hang would otherwise cost the
		// file's whole count of test timeouts. (jest-circus reads a test's mode after test_start.)
		if (!process.env.__STRYKER_ACTIVE_MUTANT__) return;
		if (event.name === 'test_fn_failure' || event.name === 'hook_failure') this.failed = true;
		else if (event.name === 'test_start' && this.failed) event.test.mode = 'skip';
	}
}

module.exports = MutationEnvironment;
