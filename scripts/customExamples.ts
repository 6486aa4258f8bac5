/**
 * `npm run examples:custom -- [folder]`: copies of the example workflows for an n8n that loads this
 * package's build from a custom folder (N8N_CUSTOM_EXTENSIONS=/path/to/this/repo/dist). n8n names the
 * nodes it loads that way `CUSTOM.adobeFlowService`, not `n8n-nodes-adobe-flow-service.adobeFlowService`
 * as when the package is installed, so the examples as they are show unknown nodes there. The copies
 * differ only in their node types; credentials keep their types and ids. Written to custom-examples/
 * unless a folder is given.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { CUSTOM_PREFIX, exampleFiles, forCustomFolder, loadExample, PACKAGE_PREFIX, ROOT } from '../support/n8n';

/** Writes the copies into the folder; returns their paths. */
export function writeCustomExamples(folder: string): string[] {
	mkdirSync(folder, { recursive: true });
	return exampleFiles().map((file) => {
		const path = join(folder, file);
		writeFileSync(path, `${JSON.stringify(forCustomFolder(loadExample(file, {}, {}, true)), null, '\t')}\n`);
		return path;
	});
}

if (require.main === module) {
	const folder = resolve(process.argv[2] ?? join(ROOT, 'custom-examples'));
	const written = writeCustomExamples(folder);
	const shown = (path: string) => (path.startsWith(ROOT) ? relative(process.cwd(), path) || '.' : path);
	process.stdout.write(`The examples with their node types for a custom folder (${PACKAGE_PREFIX}* → ${CUSTOM_PREFIX}*):\n`);
	for (const path of written) process.stdout.write(`  ${shown(path)}\n`);
	process.stdout.write(`Import them into the n8n started with N8N_CUSTOM_EXTENSIONS=${join(ROOT, 'dist')}: n8n import:workflow --separate --input=${folder}\n`);
	process.stdout.write('(or Import from File in the editor). They name the credentials "Flow Service API" and "Source database login": pick yours in each node.\n');
}
