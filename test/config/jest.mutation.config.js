/** The suites `npm run mutation` runs against each mutant: the node's own tests and the contract tests (not the real-n8n or reliability ones). */
const { join } = require('node:path');

const base = require('../../jest.config');

module.exports = {
	...base,
	rootDir: join(__dirname, '../..'),
	testMatch: ['<rootDir>/test/nodes/**/*.test.ts', '<rootDir>/test/credentials/**/*.test.ts', '<rootDir>/test/contract/**/*.test.ts'],
	// Stryker runs each mutant with jest's --findRelatedTests, which follows imports only through the
	// files jest has mapped: the sources must be among the roots, or only tests that sit beside them are found.
	roots: ['<rootDir>/test', '<rootDir>/nodes', '<rootDir>/credentials', '<rootDir>/support', '<rootDir>/emulator'],
	reporters: ['default'],
	// A mutant that leaves a promise unsettled hangs its test: fail it after 10 s (the slowest test here
	// takes about 3), not the 60 s of the whole suite's setting, or Stryker's own timeout and a restart.
	testTimeout: 10_000,
	// Compiling each file alone is several times quicker, and type errors are the typecheck's job.
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, isolatedModules: true }] },
	// Each mutant runs only the test files that hold the tests reaching it (see the two files).
	testEnvironment: join(__dirname, '../setup/mutationEnvironment.js'),
	runner: join(__dirname, '../setup/mutationRunner.js'),
	moduleNameMapper: {
		'^n8n-core$': '<rootDir>/test/setup/native/n8n-core.js',
		'^n8n-core/dist/execution-engine/ssh-clients-manager$': '<rootDir>/test/setup/native/sshClientsManager.js',
		'^n8n-workflow$': '<rootDir>/test/setup/native/n8n-workflow.js',
		'^@n8n/di$': '<rootDir>/test/setup/native/di.js',
	},
};
