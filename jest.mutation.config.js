/** The suites `npm run mutation` runs against each mutant: unit, contract and integration (not the real-n8n ones). */
const base = require('./jest.config');

module.exports = {
	...base,
	testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/contract/**/*.test.ts', '<rootDir>/test/integration/**/*.test.ts'],
	reporters: ['default'],
	// Compiling each file alone is several times quicker, and type errors are the typecheck's job.
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, isolatedModules: true }] },
};
