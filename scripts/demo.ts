/**
 * `npm run demo`: the main job, with no Adobe account. Starts the Flow Service emulator and the
 * embedded sample database, loads the built package into the pinned real n8n, imports the
 * credentials and the example workflow "nightly: database table → AEP dataset", runs it twice (the
 * second run reuses what the first made), and prints what came out. `npm run demo -- explore` runs
 * "create a GreenPlum connection and explore it" instead. Exits non-zero on failure and leaves no
 * process behind.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startStack } from '../emulator/stack';
import { ensureBuilt, ensureN8n, exampleCredentials, itemsOf, loadExample, N8nInstance, n8nVersion } from '../support/n8n';

const EXPLORE = 'greenplum-create-and-explore.json';
const PIPELINE = 'nightly-table-to-dataset.json';

async function main(): Promise<number> {
	const say = (line = '') => process.stdout.write(`${line}\n`);
	say('Building the package...');
	ensureBuilt();
	ensureN8n(say);
	say('Starting the Flow Service emulator and the sample database...');
	const stack = await startStack({ tokens: ['demo-token'], apiKeys: ['demo-client'] });
	const n8n = new N8nInstance();
	try {
		await n8n.importCredentials(exampleCredentials(stack, { token: 'demo-token', apiKey: 'demo-client', imsOrgId: 'DEMO0000000000000000000A@AdobeOrg' }));
		const explore = process.argv.slice(2).includes('explore');
		const workflow = loadExample(explore ? EXPLORE : PIPELINE);
		await n8n.importWorkflow(workflow);
		const outDir = mkdtempSync(join(tmpdir(), 'flow-service-demo-'));
		const outFile = join(outDir, 'execution.json');
		for (const round of explore ? [1] : [1, 2]) {
			say(`Running "${(workflow as unknown as { name: string }).name}" in n8n ${n8nVersion()}${explore ? '' : ` (run ${round} of 2)`}...`);
			const started = Date.now();
			const run = await n8n.execute(workflow.id);
			const seconds = ((Date.now() - started) / 1000).toFixed(1);
			writeFileSync(outFile, JSON.stringify(run.result ?? { output: run.output }, null, 2));
			if (run.exitCode !== 0 || run.result?.status !== 'success') {
				say(run.output.slice(-4000));
				say(`\nThe workflow failed (n8n exit code ${run.exitCode}). Full output: ${outFile}`);
				return 1;
			}
			say(`Workflow ran in n8n ${n8nVersion()} in ${seconds} s.`);
			if (explore) reportExplore(run.result, say);
			else reportPipeline(run.result, say);
		}
		say('');
		say(`Full execution JSON: ${outFile}`);
		return 0;
	} finally {
		await stack.close();
		n8n.dispose();
	}
}

type Result = Parameters<typeof itemsOf>[0];

function reportExplore(result: Result, say: (line?: string) => void): void {
	const [connection] = itemsOf(result, 'Create GreenPlum Connection');
	const tables = itemsOf(result, 'List Tables');
	const schemas = itemsOf(result, 'Get Table Schema');
	const rows = itemsOf(result, 'Preview Rows');
	say(`Connection created: ${String(connection.json.id)}  (${String(connection.json.name)}, ${String(connection.json.connector)})`);
	say(`Tables found (${tables.length}):`);
	for (const schema of schemas) {
		const columns = (schema.json.columns as Array<{ name: string; xdmType: string; xdmFormat?: string }>).map((c) => `${c.name}:${c.xdmFormat ?? c.xdmType}`);
		say(`  ${String(schema.json.table).padEnd(18)} ${columns.join(', ')}`);
	}
	say(`Preview rows (${rows.length}, first 4):`);
	for (const row of rows.slice(0, 4)) say(`  ${JSON.stringify(row.json)}`);
}

function reportPipeline(result: Result, say: (line?: string) => void): void {
	const steps: Array<[string, string]> = [
		['Connect Warehouse', 'Base connection'],
		['Source: the Table', 'Source connection'],
		['Target: the Dataset', 'Target connection'],
		['Map Columns by Name', 'Mapping set'],
		['Nightly Dataflow', 'Dataflow'],
	];
	for (const [node, label] of steps) {
		const [item] = itemsOf(result, node);
		say(`  ${label.padEnd(18)} ${String(item.json.id)}  ${item.json.created ? 'created' : 'reused'}`);
	}
	const [mapping] = itemsOf(result, 'Map Columns by Name');
	say(`  Mapped ${(mapping.json.mappings as unknown[]).length} columns by name; schema fields left unmapped: ${(mapping.json.unmatchedFields as string[]).join(', ') || 'none'}`);
	const [report] = itemsOf(result, 'Report');
	say(`  Run ${String(report.json.runId)} (started ${String(report.json.runStartedAt)}): ${String(report.json.status)}, ${String(report.json.recordsRead)} rows read, ${String(report.json.recordsWritten)} written, ${String(report.json.recordsFailed)} failed`);
}

main().then(
	(code) => process.exit(code),
	(error) => {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	},
);
