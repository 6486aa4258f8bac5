/** The access-token credential: its four headers, its field names as the editor shows them, its test's words on a refusal. */
import { addPlatformHeaders, FlowServiceApi } from '../../credentials/FlowServiceApi.credentials';
import { API_KEY, ORG, TOKEN, useStack } from '../../support/harness';

const credential = new FlowServiceApi();

test('the API key field is not named clientId, which n8n would label "Client ID" whatever its display name', () => {
	const field = credential.properties.find((p) => p.displayName.startsWith('API Key'))!;
	expect(field.name).toBe('apiKey');
	expect(credential.properties.map((p) => p.name)).not.toContain('clientId');
});

test.each([
	['apiKey', { apiKey: ' key ' }],
	['clientId, as saved before the rename', { clientId: 'key', apiKey: '' }],
])('x-api-key comes from %s', async (_, fields) => {
	const options = await addPlatformHeaders({ accessToken: 'token', imsOrgId: 'ORG@AdobeOrg', sandboxName: ' Prod ', ...fields }, { url: '/x', headers: { accept: 'application/json' } });
	expect(options.headers).toEqual({ accept: 'application/json', Authorization: 'Bearer token', 'x-api-key': 'key', 'x-gw-ims-org-id': 'ORG@AdobeOrg', 'x-sandbox-name': 'prod' });
});

describe("the credential test's rules, on the emulator's answers", () => {
	const h = useStack();
	const test_ = credential.test!;

	/** The request as n8n's declarative test sends it (status errors ignored), then n8n's rule check: the first rule whose key has its value. */
	async function verdict(fields: Record<string, string>): Promise<string> {
		const data = { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: ORG, sandboxName: 'prod', ...fields };
		const { headers } = await addPlatformHeaders(data, { url: '', headers: {} });
		const url = `${h.stack.emulator.url}/data/foundation/flowservice${String(test_.request.url)}?limit=${String(test_.request.qs!.limit)}`;
		const response = await fetch(url, { headers: Object.fromEntries(Object.entries(headers!).filter(([, v]) => v !== '')) as Record<string, string> });
		const body = (await response.json()) as Record<string, unknown>;
		const rule = (test_.rules as Array<{ properties: { key: string; value: unknown; message: string } }>).find((r) => body[r.properties.key] === r.properties.value);
		return rule ? rule.properties.message : 'OK';
	}

	it('asks n8n to keep the answer whatever its status: the rules read its body', () => {
		expect(test_.request.ignoreHttpStatusErrors).toBe(true);
		expect(test_.rules!.every((r) => r.type === 'responseSuccessBody')).toBe(true);
	});

	it.each([
		['the right token, key, org and sandbox', {}, /^OK$/],
		['an expired token', { accessToken: 'expired-token' }, /^The Platform refused the access token \(401013 .*expire after 24 hours.*"Adobe Experience Platform Flow Service OAuth Server-to-Server API"/],
		['no token', { accessToken: '' }, /^The Platform got no access token \(403010/],
		['another project’s API key', { apiKey: 'someone-else' }, /^The Platform refused the API key \(403003/],
		['no API key', { apiKey: '' }, /^The Platform got no API key \(403000/],
		['a sandbox the org does not have', { sandboxName: 'nosuch' }, /^The Platform did not answer with a list of connections: check the IMS Org ID, the Sandbox Name/],
	])('%s', async (_, fields, expected) => {
		expect(await verdict(fields)).toMatch(expected);
	});
});
