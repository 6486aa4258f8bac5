/** The access-token credential's test, in n8n-core's real CredentialTestContext, against the emulator. */
import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { testAccessToken } from '../../../../nodes/AdobeFlowService/methods/credentialTest';
import { API_KEY, ORG, TOKEN, useStack } from '../../../../support/harness';

const h = useStack();

const check = async (data: ICredentialDataDecryptedObject) =>
	await testAccessToken.call(new CredentialTestContext(), { id: '1', name: 'token', type: 'flowServiceApi', data: { accessToken: TOKEN, apiKey: API_KEY, imsOrgId: ORG, sandboxName: 'prod', baseUrl: h.stack.emulator.url, ...data } });

test('the right token, key, org and sandbox pass', async () => {
	expect(await check({})).toEqual({ status: 'OK', message: 'The Platform accepted the token, API key, IMS org and sandbox' });
});

test('a refused token says tokens expire after 24 hours and names the OAuth Server-to-Server credential', async () => {
	const result = await check({ accessToken: 'expired-token' });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/^The Platform refused the access token \(401\)\. .*expire after 24 hours/);
	expect(result.message).toContain('"Adobe Experience Platform Flow Service OAuth Server-to-Server API"');
});

test('a wrong API key says what to check', async () => {
	expect((await check({ apiKey: 'someone-else' })).message).toMatch(/^The Platform refused the request \(403\): check the API Key/);
});

test('another refusal gives the status and the Platform’s words; an unreachable host says so', async () => {
	expect(await check({ sandboxName: 'nosuch' })).toEqual({ status: 'Error', message: expect.stringMatching(/^The Platform answered 4\d\d: \S/) });
	expect(await check({ baseUrl: 'http://127.0.0.1:9' })).toEqual({ status: 'Error', message: expect.stringMatching(/^Could not reach http:\/\/127\.0\.0\.1:9: /) });
});
