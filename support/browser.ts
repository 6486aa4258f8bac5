/**
 * Debian's Chromium driven by playwright-core, for the editor tests. Never a browser download:
 * playwright-core brings none, and the path is the system's (`apt-get install -y chromium`).
 */
import { existsSync } from 'node:fs';

import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

import type { Need } from './needs';
import { installed } from './needs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const INSTALL = "install Debian's: apt-get install -y chromium (or set CHROMIUM_PATH)";

/** Whether Chromium is there, for `requiring` (support/needs.ts). */
export const chromiumInstalled = (): Need => installed('Chromium', CHROMIUM, INSTALL);

export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`No Chromium at ${CHROMIUM}: ${INSTALL}.`);
	}
	return await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		// As root in a container, with no network but loopback: no sandbox, and nothing that calls home.
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
	});
}
