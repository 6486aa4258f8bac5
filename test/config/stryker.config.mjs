// `npm run mutation`: how many deliberate bugs in the node's helpers, transport and connector table
// the unit, contract and integration suites catch. Not part of `npm test` (it runs the suites once
// per mutant); the score and the surviving mutants that matter are in the README.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'jest',
	jest: { projectType: 'custom', configFile: 'test/config/jest.mutation.config.js' },
	mutate: ['nodes/AdobeFlowService/helpers/**/*.ts', 'nodes/AdobeFlowService/transport/**/*.ts', 'nodes/AdobeFlowService/connectors/**/*.ts'],
	coverageAnalysis: 'perTest',
	// A static mutant (in code that runs when a module loads: the connector table, constants) needs
	// every test run against it, about 30 s each; they are reported as ignored, and counted in the README.
	ignoreStatic: true,
	concurrency: 2,
	timeoutMS: 10_000,
	ignorePatterns: ['pinned', 'dist', 'bench/results', 'reports', 'coverage', '.tmp'],
	tempDirName: '.stryker-tmp',
	reporters: ['clear-text', 'progress', 'json'],
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	cleanTempDir: 'always',
};
