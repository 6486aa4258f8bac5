/**
 * Connection → Create with Connector "Other (by Connection Spec)": any source the Platform has, the node
 * holding no entry for it. The user picks a connection spec (From List: the Platform's specs that take a
 * base connection) and one of its auth specs; the node loads that auth spec's fields into a resource
 * mapper, reads them (secrets from the Database Login credential by default), checks them against the
 * auth spec's JSON Schema and sends the body the spec describes.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

import { DATABASE_LOGIN, OTHER_CONNECTOR } from '../../connectors';
import type { BuiltConnection, ParamValue } from '../../helpers/connectionBody';
import { readHead } from '../../helpers/connectionBody';
import { coerce, isSecretProperty, schemaProblems } from '../../helpers/jsonSchema';
import { MASK } from '../../helpers/mask';
import { FieldError, readId } from '../../helpers/validation';
import type { FlowServiceClient } from '../../transport';
import { fieldError, validated } from '../shared/fieldErrors';
import { idLocator } from '../shared/locators';
import { chooseAuthSpec, loadConnectionSpec, secretFromCredential } from './authSpecs';

const show = { connector: [OTHER_CONNECTOR] };

export const otherConnectorProperties: INodeProperties[] = [
	{
		...idLocator({
			displayName: 'Connection Spec',
			name: 'otherConnectionSpec',
			description: 'The kind of source to connect to: From List shows the sources of the Platform that take a login',
			searchListMethod: 'searchSourceConnectionSpecs',
			example: '37b6bf40-d318-4655-90be-5cd6f65d334b',
		}),
		displayOptions: { show },
	},
	{
		displayName: 'Auth Spec Name or ID',
		name: 'otherAuthSpec',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getAuthSpecNames',
			loadOptionsDependsOn: ['otherConnectionSpec.value'],
		},
		default: '',
		description:
			'How the Platform signs in to the source, of the ways it offers (empty: the first). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show },
	},
	{
		displayName:
			'Secret fields (passwords, keys, tokens) come from the Source Database credential: its field of the same name (Password, Access Token, Connection String…), or its Other Secrets JSON.',
		name: 'otherSecretsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...show, databaseLogin: ['credential'] } },
	},
	{
		displayName: 'Auth Parameters',
		name: 'otherAuthParams',
		type: 'resourceMapper',
		default: { mappingMode: 'defineBelow', value: null },
		noDataExpression: true,
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['otherConnectionSpec.value', 'otherAuthSpec', 'databaseLogin'],
			resourceMapper: {
				resourceMapperMethod: 'getAuthSpecFields',
				mode: 'add',
				fieldWords: { singular: 'auth parameter', plural: 'auth parameters' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
		displayOptions: { show },
	},
];

/** The credential's Other Secrets: a JSON object of auth param name → secret. */
export function otherSecrets(login: ICredentialDataDecryptedObject): Record<string, unknown> {
	const text = login.otherSecrets;
	if (text === undefined || text === '') return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(String(text));
	} catch {
		parsed = undefined;
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new FieldError('Other Secrets in the Database Login credential', 'is not a JSON object', 'Write it as {"paramName": "secret"}');
	}
	return parsed as Record<string, unknown>;
}

export interface PreparedConnection {
	built: BuiltConnection;
	connector: {
		displayName: string;
		connectionSpecId: string;
		connectionSpecVersion: string;
	};
}

/** Reads, checks and builds a Create for a connector the node has no entry for. */
export async function prepareOther(context: IExecuteFunctions, client: FlowServiceClient, itemIndex: number): Promise<PreparedConnection> {
	const id = validated(context, itemIndex, () =>
		readId(
			'Connection Spec',
			context.getNodeParameter('otherConnectionSpec', itemIndex, '', {
				extractValue: true,
			}),
		),
	);
	const head = validated(context, itemIndex, () => readHead({ name: context.getNodeParameter('name', itemIndex, ''), description: context.getNodeParameter('description', itemIndex, '') }));
	const spec = await loadConnectionSpec(client, id, itemIndex);
	const chosen = String(context.getNodeParameter('otherAuthSpec', itemIndex, '') ?? '');
	const auth = chooseAuthSpec(spec, chosen);
	if (!auth) {
		const names = spec.authSpecs.map((a) => a.name);
		throw fieldError(context, new FieldError('Auth Spec', names.length ? `is not one of ${spec.name}'s (${names.join(', ')})` : `cannot be chosen: ${spec.name} has no auth spec`), itemIndex);
	}
	const databaseLogin = context.getNodeParameter('databaseLogin', itemIndex, 'credential');
	const mapper = context.getNodeParameter('otherAuthParams', itemIndex, {}) as {
		value?: IDataObject | null;
	};
	const given = mapper.value ?? {};
	const properties = auth.spec.properties ?? {};
	const anySecretFromCredential = Object.values(properties).some((p) => secretFromCredential(databaseLogin, p));
	const login = anySecretFromCredential ? await context.getCredentials(DATABASE_LOGIN, itemIndex) : {};
	const label = (key: string) => (secretFromCredential(databaseLogin, properties[key]) ? `${key} in the Database Login credential` : `Auth Parameters → ${key}`);

	return validated(context, itemIndex, () => {
		const extra = anySecretFromCredential ? otherSecrets(login) : {};
		const params: Record<string, ParamValue> = {};
		const keys = [...new Set([...Object.keys(properties), ...Object.keys(given)])];
		for (const key of keys) {
			const raw = secretFromCredential(databaseLogin, properties[key]) ? (login[key] !== undefined && login[key] !== '' ? login[key] : extra[key]) : given[key];
			if (raw === undefined || raw === null || raw === '') continue;
			params[key] = coerce(properties[key], raw) as ParamValue;
		}
		const problem = schemaProblems(auth.spec, params)[0];
		if (problem) throw new FieldError(label(problem.key), problem.problem, `${spec.name} → ${auth.name} asks for: ${Object.keys(properties).join(', ')}`);
		const secretKeys = Object.keys(params).filter((key) => isSecretProperty(properties[key]) || !properties[key]);
		const masked = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, secretKeys.includes(key) ? MASK : value]));
		// Only specName: an auth spec's `type` (KeyBased, OAuth2.0…) is sent by no documented body but BigQuery's.
		const authHead = { specName: auth.name };
		const connectionSpec = { id: spec.id, version: spec.version };
		const top = head.description ? head : { name: head.name };
		return {
			built: {
				body: { ...top, auth: { ...authHead, params }, connectionSpec },
				maskedBody: {
					...top,
					auth: { ...authHead, params: masked },
					connectionSpec,
				},
				secrets: secretKeys.map((key) => String(params[key])).filter((s) => s !== ''),
			},
			connector: {
				displayName: spec.name,
				connectionSpecId: spec.id,
				connectionSpecVersion: spec.version,
			},
		};
	});
}
