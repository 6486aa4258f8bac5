/** The access-token credential: its four headers, its field names as the editor shows them, its test's words on a refusal. */
import { addPlatformHeaders, FlowServiceApi } from '../../credentials/FlowServiceApi.credentials';

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
