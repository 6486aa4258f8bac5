/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	roots: ['<rootDir>/test'],
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	setupFiles: ['<rootDir>/test/helpers/env.js'],
	setupFilesAfterEnv: ['<rootDir>/test/helpers/afterEnv.ts'],
	testTimeout: 60_000,
	reporters: ['default', '<rootDir>/test/helpers/summaryReporter.js'],
	maxWorkers: 2,
};
