/** TLS verification is never turned off: not in the code, and not in what the node does. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CredentialStore, runNode } from '../../support/runNode';
import { API_KEY, failure, ORG, TOKEN } from '../../support/harness';

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
	});
}

test('no code of the package turns certificate checks off', () => {
	const root = join(__dirname, '..', '..');
	const offending = [...sources(join(root, 'nodes')), ...sources(join(root, 'credentials'))].filter((file) =>
		/skipSslCertificateValidation|rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|ignoreSSLIssues/.test(readFileSync(file, 'utf8')),
	);
	expect(offending).toEqual([]);
});

test('a Platform host with a self-signed certificate is refused, with nothing sent', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'flow-service-tls-'));
	execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
	let requests = 0;
	const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => {
		requests++;
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{"items":[]}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		const credentials = new CredentialStore();
		credentials.set('flowServiceApi', { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: ORG, sandboxName: 'prod', baseUrl: `https://127.0.0.1:${(server.address() as AddressInfo).port}` });
		const error = await failure(runNode({ credentials, parameters: { resource: 'connection', operation: 'getMany', returnAll: true } }));
		expect(error.constructor.name).toBe('FlowServiceError');
		expect(requests).toBe(0);
	} finally {
		server.close();
	}
});
