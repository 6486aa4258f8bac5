/** `npm run test:queue`: our package in n8n's queue mode (main + two workers, Redis, PostgreSQL; test/queue). */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	roots: ['<rootDir>/test/queue'],
	testMatch: ['<rootDir>/test/queue/**/*.queue.test.ts'],
	testPathIgnorePatterns: [],
	testTimeout: 600_000,
	maxWorkers: 1,
};
