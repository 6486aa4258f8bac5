/** `npm run test:queue`: our package in n8n's queue mode (main + two workers, Redis, PostgreSQL; test/queue). */
const { join } = require('node:path');

const base = require('../../jest.config');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	rootDir: join(__dirname, '../..'),
	roots: ['<rootDir>/test/queue'],
	testMatch: ['<rootDir>/test/queue/**/*.queue.test.ts'],
	testPathIgnorePatterns: [],
	testTimeout: 600_000,
	maxWorkers: 1,
};
