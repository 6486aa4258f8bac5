/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	roots: ['<rootDir>/test'],
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	setupFiles: ['<rootDir>/test/setup/env.js'],
	testTimeout: 60_000,
	reporters: ['default', '<rootDir>/test/setup/summaryReporter.js'],
	maxWorkers: 2,
};
