/**
 * What adding a connector takes, checked for each one: its entry in the node, the emulator's own
 * reading of its tutorial, and its tutorial's documented bodies as contract fixtures. The three are
 * written separately, from the page, so that none can pass because another says the same.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ConnectorEntry } from '../../../../nodes/AdobeFlowService/connectors';
import { CONNECTORS } from '../../../../nodes/AdobeFlowService/connectors';

const ROOT = join(__dirname, '../../../..');
const json = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.json')).map((f) => ({ file: `${dir}/${f}`, data: JSON.parse(readFileSync(join(ROOT, dir, f), 'utf8')) as Record<string, any> }));
const emulatorFiles = json('emulator/connectors');
const contractFiles = json('test/contract/connectors');

/** The checklist, as the README's Development page gives it, for one connector. */
function missing(key: string, specId: string, doc: string | undefined): string[] {
	const gaps: string[] = [];
	if (!existsSync(join(ROOT, 'nodes/AdobeFlowService/connectors', `${key}.ts`))) gaps.push(`1. nodes/AdobeFlowService/connectors/${key}.ts: its entry (export const ${key}: ConnectorEntry)`);
	if (!CONNECTORS.some((c) => c.key === key)) gaps.push(`2. nodes/AdobeFlowService/connectors/index.ts: import it and list it in CONNECTORS`);
	if (!emulatorFiles.some((f) => f.data.connectionSpec?.id === specId)) gaps.push(`3. emulator/connectors/<spec name>.json: the emulator's reading of ${doc ?? 'its tutorial'} (connectionSpec.id ${specId}, authSpecs, source)`);
	if (!contractFiles.some((f) => f.data.connector === key)) gaps.push(`4. test/contract/connectors/<page>.json: the tutorial's documented POST /connections examples ("connector": "${key}")`);
	return gaps;
}

test.each(CONNECTORS.map((c) => [c.displayName, c] as const))('%s has its entry, its emulator data file and its contract fixtures', (_, connector) => {
	const gaps = missing(connector.key, connector.connectionSpecId, connector.doc);
	if (gaps.length > 0) throw new Error(`Adding ${connector.displayName} is not finished. Still to do:\n${gaps.join('\n')}`);
});

test('every connector file of the node is listed in CONNECTORS', () => {
	const dir = join(ROOT, 'nodes/AdobeFlowService/connectors');
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'shared.ts'].includes(f))) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = Object.values(require(join(dir, file)) as Record<string, ConnectorEntry>);
		for (const entry of exported) expect([file, missing(entry.key, entry.connectionSpecId, entry.doc)]).toEqual([file, []]);
	}
});

test('the checklist fails, naming what is missing, for a connector with no emulator data and no fixtures', () => {
	expect(missing('notYetAdded', '00000000-0000-0000-0000-000000000000', 'not-yet.md')).toEqual([
		expect.stringMatching(/^1\. nodes\/AdobeFlowService\/connectors\/notYetAdded\.ts/),
		expect.stringMatching(/^2\. /),
		expect.stringMatching(/^3\. emulator\/connectors\//),
		expect.stringMatching(/^4\. test\/contract\/connectors\//),
	]);
});
