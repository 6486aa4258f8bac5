/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	roots: ['<rootDir>/test'],
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	// The editor tests need Chromium: `npm run test:ui` (test/config/jest.ui.config.js); queue mode needs Redis and PostgreSQL: `npm run test:queue` (test/config/jest.queue.config.js).
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/ui/', '<rootDir>/test/queue/'],
	setupFiles: ['<rootDir>/test/setup/env.js'],
	testTimeout: 60_000,
	reporters: ['default', '<rootDir>/test/setup/summaryReporter.js'],
	maxWorkers: 2,
};
