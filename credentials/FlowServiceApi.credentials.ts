import type { ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, Icon, INodeProperties } from 'n8n-workflow';

/** Fields and headers shared by both Flow Service credentials. */
export const platformProperties: INodeProperties[] = [
	{
		displayName: 'IMS Org ID',
		name: 'imsOrgId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 5C1328435BF324E90A49402A@AdobeOrg',
		description: 'ID of your Adobe organization, sent as x-gw-ims-org-id',
	},
	{
		displayName: 'Sandbox Name',
		name: 'sandboxName',
		type: 'string',
		default: 'prod',
		required: true,
		description: 'Name of the Platform sandbox to work in, sent in lower case as x-sandbox-name',
	},
	{
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: 'https://platform.adobe.io',
		description: 'Platform API host. Change it only for a stage environment, a proxy or a local Flow Service emulator.',
	},
];

/**
 * Adds the four headers every Platform call needs. A function rather than n8n's generic
 * expression headers: those are evaluated as four expressions on every request, which was most
 * of the node's own cost in the benchmark.
 */
export async function addPlatformHeaders(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return {
		...requestOptions,
		headers: {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials.accessToken ?? '').trim()}`,
			// `apiKey` on the access-token credential (`clientId` in credentials saved before 0.2), `clientId` on OAuth.
			'x-api-key': String(credentials.apiKey || credentials.clientId || '').trim(),
			'x-gw-ims-org-id': String(credentials.imsOrgId ?? '').trim(),
			'x-sandbox-name': String(credentials.sandboxName ?? '').trim().toLowerCase(),
		},
	};
}

/**
 * A cheap authenticated GET that exercises all four headers, and what the test says when the
 * Platform refuses it: what to do, not only that it failed. n8n's declarative credential test (no
 * code of ours runs in it): the answer is taken whatever its status (`ignoreHttpStatusErrors`) and
 * judged by its body, because n8n before 2.41 drops the status of a refused request before its
 * `responseCode` rules look; body rules read the same in every version. A body without `items` is
 * not a list of connections, so no refusal passes for a success. `expired`: what a refused token means
 * for this credential.
 */
export function platformTest(expired: string): ICredentialTestRequest {
	const rule = (key: string, value: unknown, message: string) => ({ type: 'responseSuccessBody' as const, properties: { key, value, message } });
	return {
		request: {
			baseURL: '={{String($credentials.baseUrl || "https://platform.adobe.io").replace(/\\/+$/, "")}}/data/foundation/flowservice',
			url: '/connections',
			qs: { limit: 1 },
			method: 'GET',
			ignoreHttpStatusErrors: true,
		},
		// Adobe's gateway codes (Platform API troubleshooting guide).
		rules: [
			rule('error_code', '401013', `The Platform refused the access token (401013 "Oauth token is not valid"). ${expired}`),
			rule('error_code', '403010', 'The Platform got no access token (403010 "Oauth token is missing").'),
			rule('error_code', '403000', 'The Platform got no API key (403000 "Api Key is required"): fill in the Client ID of the Developer Console project.'),
			rule('error_code', '403003', 'The Platform refused the API key (403003 "Api Key is invalid"): it must be the Client ID of the same Developer Console project as the token.'),
			rule(
				'items',
				undefined,
				'The Platform did not answer with a list of connections: check the IMS Org ID, the Sandbox Name (the project needs access to it) and the Base URL (https://platform.adobe.io).',
			),
		],
	};
}

export const platformIcon: Icon = {
	light: 'file:../nodes/AdobeFlowService/adobeFlowService.svg',
	dark: 'file:../nodes/AdobeFlowService/adobeFlowService.dark.svg',
};

export class FlowServiceApi implements ICredentialType {
	name = 'flowServiceApi';

	displayName = 'Adobe Experience Platform Flow Service API';

	icon = platformIcon;

	documentationUrl = 'https://experienceleague.adobe.com/en/docs/experience-platform/landing/platform-apis/api-authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Access token from the Adobe Developer Console. It expires after 24 hours; for scheduled workflows use the OAuth Server-to-Server credential.',
		},
		{
			// Not named `clientId`: n8n's editor labels a field of that name "Client ID" whatever its displayName.
			displayName: 'API Key (Client ID)',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Client ID of your Adobe Developer Console project, sent as x-api-key',
		},
		{
			// Where credentials saved before the API key field was renamed keep it. Declared, so that n8n
			// hands it to the node (n8n rebuilds a credential's data from the fields its type declares);
			// hidden, so the editor shows one API key field. Read only when API Key is empty.
			displayName: 'Client ID (Saved Before API Key)',
			name: 'clientId',
			type: 'hidden',
			default: '',
		},
		...platformProperties,
	];

	authenticate = addPlatformHeaders;

	test = platformTest(
		'Tokens from the Adobe Developer Console expire after 24 hours: paste a new one, or use the "Adobe Experience Platform Flow Service OAuth Server-to-Server API" credential, which gets and renews its own.',
	);
}
