/** `npm run test:ui`: the editor of the pinned n8n in Debian's Chromium (test/ui). */
const { join } = require('node:path');

const base = require('../../jest.config');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	rootDir: join(__dirname, '../..'),
	roots: ['<rootDir>/test/ui'],
	testMatch: ['<rootDir>/test/ui/**/*.ui.test.ts'],
	testPathIgnorePatterns: [],
	testTimeout: 120_000,
	maxWorkers: 1,
};
