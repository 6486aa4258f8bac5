/** Child process of the benchmark: Return All over the connections of one org, reporting peak memory. */
import { CredentialStore, runNode } from '../support/runNode';

async function main() {
	const [baseUrl, org] = process.argv.slice(2);
	const credentials = new CredentialStore();
	process.env.N8N_USER_FOLDER ??= require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'flow-service-bench-'));
	credentials.set('flowServiceApi', { accessToken: 'bench-token', apiKey: 'bench-client', imsOrgId: org, sandboxName: 'prod', baseUrl });
	// Warm up: load and run everything once on a tiny list, so the baseline holds the code.
	await runNode({ credentials, parameters: { resource: 'connection', operation: 'getMany', returnAll: false, limit: 1 } });
	global.gc?.();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 2);
	const started = performance.now();
	const out = await runNode({ credentials, parameters: { resource: 'connection', operation: 'getMany', returnAll: true } });
	const ms = performance.now() - started;
	peak = Math.max(peak, process.memoryUsage().heapUsed);
	clearInterval(sampler);
	process.stdout.write(JSON.stringify({ items: out.length, ms, baseline, peak }) + '\n');
	process.exit(0);
}

main().catch((error) => {
	process.stderr.write(String(error) + '\n');
	process.exit(1);
});
