/** The access-token credential: its four headers, its field names as the editor shows them, its test's words on a refusal. */
import { NodeHelpers } from 'n8n-workflow';

import { addPlatformHeaders, FlowServiceApi } from '../../credentials/FlowServiceApi.credentials';
import { API_KEY, ORG, TOKEN, useStack } from '../../support/harness';

const credential = new FlowServiceApi();

test('the API key field is not named clientId, which n8n would label "Client ID" whatever its display name', () => {
	const field = credential.properties.find((p) => p.displayName.startsWith('API Key'))!;
	expect(field.name).toBe('apiKey');
	const shown = credential.properties.filter((p) => p.type !== 'hidden').map((p) => p.name);
	expect(shown).not.toContain('clientId');
});

test("a credential saved with clientId keeps it through n8n's rebuild of the data from the declared fields", () => {
	// What n8n's credentials helper does before a node sees the data: undeclared keys are dropped.
	const saved = { accessToken: 'token', clientId: 'old-key', imsOrgId: 'ORG@AdobeOrg', sandboxName: 'prod', baseUrl: 'https://platform.adobe.io' };
	const rebuilt = NodeHelpers.getNodeParameters(credential.properties, saved, true, false, null, null) as Record<string, unknown>;
	expect(rebuilt).toMatchObject({ clientId: 'old-key', apiKey: '' });
	expect(NodeHelpers.getNodeParameters(credential.properties, { ...saved, stray: 'x' }, true, false, null, null)).not.toHaveProperty('stray');
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
