/**
 * `npm run demo`: the main job, with no Adobe account. Starts the Flow Service emulator and the
 * embedded sample database, loads the built package into the pinned real n8n, imports the
 * credential and the example workflow "create a GreenPlum connection and explore it", runs it,
 * and prints what came out. Exits non-zero on failure and leaves no process behind.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startStack } from '../emulator/stack';
import { ensureBuilt, ensureN8n, itemsOf, loadExample, N8nInstance, n8nVersion } from '../support/n8n';

const WORKFLOW = 'greenplum-create-and-explore.json';

async function main(): Promise<number> {
	const say = (line = '') => process.stdout.write(`${line}\n`);
	say('Building the package...');
	ensureBuilt();
	ensureN8n(say);
	say('Starting the Flow Service emulator and the sample database...');
	const stack = await startStack({ tokens: ['demo-token'], apiKeys: ['demo-client'] });
	const n8n = new N8nInstance();
	try {
		await n8n.importCredentials([
			{
				id: 'aepFlowSvcCred01',
				name: 'Flow Service API',
				type: 'flowServiceApi',
				data: { accessToken: 'demo-token', apiKey: 'demo-client', imsOrgId: 'DEMO0000000000000000000A@AdobeOrg', sandboxName: 'prod', baseUrl: stack.emulator.url },
			},
			{
				id: 'aepSourceDbLogin',
				name: 'Source database login',
				type: 'flowServiceDatabaseApi',
				data: { loginInput: 'fields', host: stack.database.host, port: String(stack.database.port), ...stack.database.login },
			},
		]);
		const workflow = loadExample(WORKFLOW);
		await n8n.importWorkflow(workflow);
		say(`Running "${(workflow as unknown as { name: string }).name}" in n8n ${n8nVersion()}...`);
		const started = Date.now();
		const run = await n8n.execute(workflow.id);
		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		const outDir = mkdtempSync(join(tmpdir(), 'flow-service-demo-'));
		const outFile = join(outDir, 'execution.json');
		writeFileSync(outFile, JSON.stringify(run.result ?? { output: run.output }, null, 2));
		if (run.exitCode !== 0 || run.result?.status !== 'success') {
			say(run.output.slice(-4000));
			say(`\nThe workflow failed (n8n exit code ${run.exitCode}). Full output: ${outFile}`);
			return 1;
		}
		const [connection] = itemsOf(run.result, 'Create GreenPlum Connection');
		const tables = itemsOf(run.result, 'List Tables');
		const schemas = itemsOf(run.result, 'Get Table Schema');
		const rows = itemsOf(run.result, 'Preview Rows');
		say('');
		say(`Workflow ran in n8n ${n8nVersion()} in ${seconds} s.`);
		say(`Connection created: ${String(connection.json.id)}  (${String(connection.json.name)}, ${String(connection.json.connector)})`);
		say(`Tables found (${tables.length}):`);
		for (const schema of schemas) {
			const columns = (schema.json.columns as Array<{ name: string; xdmType: string; xdmFormat?: string }>).map((c) => `${c.name}:${c.xdmFormat ?? c.xdmType}`);
			say(`  ${String(schema.json.table).padEnd(18)} ${columns.join(', ')}`);
		}
		say(`Preview rows (${rows.length}, first 4):`);
		for (const row of rows.slice(0, 4)) say(`  ${JSON.stringify(row.json)}`);
		say('');
		say(`Full execution JSON: ${outFile}`);
		return 0;
	} finally {
		await stack.close();
		n8n.dispose();
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	},
);
