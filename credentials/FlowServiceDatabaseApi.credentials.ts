import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { AUTH_CHOICES, connectorsUsing, FIELDS, loginFields } from '../nodes/AdobeFlowService/connectors';
import { connectionStringProperty, LOGIN_KINDS, loginKindOf } from '../nodes/AdobeFlowService/helpers/databaseLogin';
import { platformIcon } from './FlowServiceApi.credentials';

const wholeString = [...new Set(AUTH_CHOICES.filter((c) => c.acceptsWholeConnectionString).map((c) => c.displayName))].sort((a, b) => a.localeCompare(b));
/** The fields most connectors use; the others (keys and tokens) say which connectors use them. */
const COMMON = new Set(['host', 'port', 'database', 'username', 'password']);

/** The kinds of login (Login Input) whose connectors use a field. */
function kindsUsing(key: ReturnType<typeof loginFields>[number]): string[] {
	const kinds = new Set(AUTH_CHOICES.filter((c) => c.fields.includes(key)).map((c) => loginKindOf(c)));
	return LOGIN_KINDS.map((k) => k.value).filter((kind) => kinds.has(kind));
}

/** One credential field per login field of connectors.ts: what the connectors need, said once. */
function loginProperty(key: ReturnType<typeof loginFields>[number]): INodeProperties {
	const spec = FIELDS[key];
	const property: INodeProperties = {
		displayName: spec.displayName,
		name: key,
		// A port is text here so that it may stay empty: the connector's usual port is then used.
		// Nothing is required: each connector needs only some of these, and Create names what is missing.
		type: 'string',
		default: '',
		description:
			spec.kind === 'port'
				? `${spec.description}. Empty: the connector's usual port.`
				: COMMON.has(key)
					? spec.description
					: `${spec.description} (${connectorsUsing(key).join(', ')}; empty otherwise)`,
		// Shown for the kinds of login of the connectors that use it: the credential shows one kind's fields.
		displayOptions: { show: { loginInput: kindsUsing(key) } },
	};
	if (spec.placeholder) property.placeholder = spec.placeholder;
	if (spec.kind === 'port') property.placeholder = 'e.g. 5432';
	if (spec.kind === 'secret') property.typeOptions = { password: true };
	return property;
}

/**
 * The source database's login, which the Platform needs to read from it. Kept in n8n's encrypted
 * credential store, so that it is in no workflow, export or execution. Used by Connection → Create
 * and → Update; the connector is chosen in the node.
 */
export class FlowServiceDatabaseApi implements ICredentialType {
	name = 'flowServiceDatabaseApi';

	displayName = 'Adobe Experience Platform Source Database API';

	icon = platformIcon;

	// This credential is the package's own (a database login kept in n8n), not Adobe's: its documentation is the package's.
	documentationUrl = 'https://github.com/n8n-nodes-adobe-flow-service/n8n-nodes-adobe-flow-service/blob/main/docs/credentials.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Login Input',
			name: 'loginInput',
			type: 'options',
			options: LOGIN_KINDS.map(({ name, value, description }) => ({
				name,
				value,
				description: value === 'connectionString' ? `A whole connection string (${wholeString.join(', ')})` : description,
			})),
			default: 'fields',
			description: 'The kind of login the source database takes: only its fields are shown',
		},
		connectionStringProperty({ show: { loginInput: ['connectionString'] } }),
		...loginFields().map(loginProperty),
		{
			displayName: 'Other Secrets',
			name: 'otherSecrets',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. {"password": "...", "warehouseKey": "..."}',
			description:
				'For Connection → Create with Other (by Connection Spec): a JSON object of the secret fields, by the names the node shows under Auth Parameters, e.g. {"warehouseKey": "…"}',
			displayOptions: { show: { loginInput: ['other'] } },
		},
	];
}
