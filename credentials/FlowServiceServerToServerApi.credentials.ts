import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { addPlatformHeaders, platformIcon, platformProperties, platformTest } from './FlowServiceApi.credentials';

export const DEFAULT_IMS_TOKEN_URL = 'https://ims-na1.adobelogin.com/ims/token/v3';
export const DEFAULT_SCOPES = 'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext';

interface ImsFailure {
	response?: { status?: number; data?: { error?: string; error_description?: string } };
	code?: string;
}

/**
 * Adobe's OAuth Server-to-Server credential. n8n asks it for a token when the stored one is
 * empty and again after any 401, then stores it: one token serves every execution until
 * Adobe stops accepting it (about 24 hours).
 */
export class FlowServiceServerToServerApi implements ICredentialType {
	name = 'flowServiceServerToServerApi';

	displayName = 'Adobe Experience Platform Flow Service OAuth Server-to-Server API';

	icon = platformIcon;

	documentationUrl = 'https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/implementation';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Client ID of the OAuth Server-to-Server credential in your Adobe Developer Console project; also sent as x-api-key',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: DEFAULT_SCOPES,
			description: 'Comma-separated scopes of the credential, as the Developer Console lists them',
		},
		...platformProperties,
		{
			displayName: 'IMS Token URL',
			name: 'imsTokenUrl',
			type: 'string',
			default: DEFAULT_IMS_TOKEN_URL,
			description: 'Where tokens are requested. Change it only for a local Flow Service emulator or a proxy.',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const form = new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: String(credentials.clientId ?? '').trim(),
			client_secret: String(credentials.clientSecret ?? ''),
			scope: String(credentials.scopes || DEFAULT_SCOPES).trim(),
		});
		try {
			const answer = (await this.helpers.httpRequest({
				method: 'POST',
				url: String(credentials.imsTokenUrl || DEFAULT_IMS_TOKEN_URL).trim(),
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				body: form.toString(),
				json: true,
				timeout: 30_000,
			})) as { access_token?: string };
			if (!answer?.access_token) throw new Error('Adobe IMS answered without an access token');
			return { accessToken: answer.access_token };
		} catch (error) {
			// Never rethrow the HTTP error itself: it holds the request, and the request holds the secret.
			const failure = error as ImsFailure;
			const ims = failure.response?.data;
			const status = failure.response?.status;
			const reason = ims?.error
				? `${ims.error}${ims.error_description ? `: ${ims.error_description}` : ''}`
				: status
					? `HTTP ${status}`
					: (failure.code ?? (error as Error).message);
			throw new Error(`Adobe IMS refused the token request (${reason}). Check the Client ID, Client Secret and Scopes of the credential.`);
		}
	}

	authenticate = addPlatformHeaders;

	test = platformTest('Adobe IMS issued it for this Client ID and Scopes, but the Platform does not take it: check that the Developer Console project has the Experience Platform API and a product profile.');
}
