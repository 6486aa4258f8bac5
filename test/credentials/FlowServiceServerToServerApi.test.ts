/** The OAuth Server-to-Server credential: one token, reused; renewed once when it expires; a wrong secret said clearly. */
import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { FlowServiceServerToServerApi } from '../../credentials/FlowServiceServerToServerApi.credentials';
import { API_KEY, CANARY, CLIENT_SECRET, ORG, useStack } from '../../support/harness';

const h = useStack();

/** What n8n hands preAuthentication: a plain HTTP helper. */
const helpers: IHttpRequestHelper = {
	helpers: {
		httpRequest: async (options: IHttpRequestOptions) => {
			const response = await fetch(options.url, { method: options.method, headers: options.headers as Record<string, string>, body: options.body as string });
			const body = await response.json();
			if (!response.ok) throw Object.assign(new Error(`Request failed with status code ${response.status}`), { response: { status: response.status, data: body } });
			return body;
		},
	} as never,
};

const credential = new FlowServiceServerToServerApi();
const data = () => ({ clientId: API_KEY, clientSecret: CLIENT_SECRET, scopes: '', imsTokenUrl: h.stack.emulator.imsTokenUrl, imsOrgId: ORG, sandboxName: 'prod', baseUrl: h.stack.emulator.url, accessToken: '' });

test('the credential test path: the right secret gets a token; a wrong one a clear error without the secret', async () => {
	const ok = await credential.preAuthentication.call(helpers, data());
	expect(ok.accessToken).toMatch(/^ims-/);
	const wrong = await credential.preAuthentication.call(helpers, { ...data(), clientSecret: CANARY }).then(
		() => undefined,
		(error: Error) => error,
	);
	expect(wrong?.message).toBe('Adobe IMS refused the token request (invalid_client: invalid client_secret parameter). Check the Client ID, Client Secret and Scopes of the credential.');
	expect(JSON.stringify(wrong) + String(wrong?.stack)).not.toContain(CANARY);
});

test('many items, 20 at a time: one token; after it expires mid-run, one more, and nothing lost', async () => {
	h.credentials.set('flowServiceServerToServerApi', data());
	const before = h.stack.emulator.stats.tokensIssued;
	const items = Array.from({ length: 60 }, (_, i) => ({ i }));
	const out = await h.run(h.greenplum('={{ "s2s-" + $json.i }}', { options: { concurrency: 20, ifExists: 'create' } }), { items, authentication: 'serverToServer' });
	expect(out.filter((o) => o.json.error)).toEqual([]);
	expect(h.stack.emulator.stats.tokensIssued - before).toBe(1);

	// The token runs out at the 30th create, with up to 20 requests in flight.
	h.stack.emulator.faults.add({ method: 'POST', path: /^\/connections$/, kind: { type: 'expireTokens' }, times: 1, after: 29 });
	const again = await h.run(h.greenplum('={{ "s2s-b-" + $json.i }}', { options: { concurrency: 20, ifExists: 'create' } }), { items, authentication: 'serverToServer' });
	expect(again.filter((o) => o.json.error)).toEqual([]);
	expect(again).toHaveLength(60);
	expect(h.stack.emulator.stats.tokensIssued - before).toBe(2);
	expect(h.stack.emulator.connections(ORG).filter((c) => c.name.startsWith('s2s-b-'))).toHaveLength(60);
});
