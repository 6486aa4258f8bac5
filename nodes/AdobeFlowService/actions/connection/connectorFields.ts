/**
 * The Connector selector, where the database login comes from, and each connector's fields,
 * generated from connectors.ts. Create shows them always; Update shows them when the user chooses
 * to replace the credentials. The login fields (host, port, database, username, password) come from
 * the Database Login credential unless the user chooses to type them into the node.
 */
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Connector, FieldKey } from '../../connectors';
import { CONNECTORS, connectorOptions, DATABASE_LOGIN, FIELDS, findConnector } from '../../connectors';
import type { AuthInput, ConnectionInput } from '../../helpers/connectionBody';
import { connectionStringProperty, loginInput } from '../../helpers/databaseLogin';
import { FieldError } from '../../helpers/validation';
import { fieldError } from '../common';

const wholeStringConnectors = CONNECTORS.filter((c) => c.acceptsWholeConnectionString).map((c) => c.key);

function fieldProperty(connector: Connector, key: FieldKey): INodeProperties {
	const spec = FIELDS[key];
	const show: IDisplayOptions['show'] = spec.login ? { connector: [connector.key], databaseLogin: ['node'] } : { connector: [connector.key] };
	const property: INodeProperties = {
		displayName: spec.displayName,
		name: key,
		type: spec.kind === 'port' ? 'number' : 'string',
		default: connector.defaults?.[key] ?? spec.default ?? '',
		required: !(connector.optional ?? []).includes(key) && spec.default === undefined,
		description: spec.description,
		displayOptions: connector.acceptsWholeConnectionString
			? { show, hide: { credentialsInput: ['connectionString'] } }
			: { show },
	};
	if (spec.placeholder) property.placeholder = spec.placeholder;
	if (spec.kind === 'secret') property.typeOptions = { password: true };
	if (spec.kind === 'port') property.typeOptions = { minValue: 1, maxValue: 65535, numberPrecision: 0 };
	return property;
}

export function connectorProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Connector',
			name: 'connector',
			type: 'options',
			options: connectorOptions((c) => c.key),
			default: 'greenplum',
			description: 'The database the Platform will read from',
		},
		{
			displayName: 'Database Login',
			name: 'databaseLogin',
			type: 'options',
			options: [
				{ name: 'From Credential', value: 'credential', description: 'Kept in an n8n credential, encrypted; never in the workflow' },
				{ name: 'Typed in This Node', value: 'node', description: 'Given here, e.g. from an expression; saved in the workflow as written' },
			],
			default: 'credential',
			description: 'Where the host, port, database, username and password of the source database come from',
		},
		{
			displayName:
				'Values typed here are saved in the workflow as written: anyone who can open, export or copy it can read them. Use From Credential, or take them from an expression (e.g. a vault lookup).',
			name: 'typedLoginNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { databaseLogin: ['node'] } },
		},
		{
			displayName: 'Credentials Input',
			name: 'credentialsInput',
			type: 'options',
			options: [
				{ name: 'Fields', value: 'fields', description: 'Host, port, database, username and password, quoted for you' },
				{ name: 'Connection String', value: 'connectionString', description: 'A whole connection string, sent as given' },
			],
			default: 'fields',
			displayOptions: { show: { connector: wholeStringConnectors, databaseLogin: ['node'] } },
		},
		connectionStringProperty({ show: { connector: wholeStringConnectors, databaseLogin: ['node'], credentialsInput: ['connectionString'] } }),
		...CONNECTORS.flatMap((connector) => connector.fields.map((key) => fieldProperty(connector, key))),
		...CONNECTORS.filter((c) => c.notice).map(
			(c): INodeProperties => ({
				displayName: c.notice!,
				name: `notice_${c.key}`,
				type: 'notice',
				default: '',
				displayOptions: { show: { connector: [c.key] } },
			}),
		),
	];
}

/** The Connector parameter, as a known connector. */
export function readConnector(context: IExecuteFunctions, itemIndex: number): Connector {
	const connector = findConnector(context.getNodeParameter('connector', itemIndex) as string);
	if (!connector) throw fieldError(context, new FieldError('Connector', 'is not one this node knows'), itemIndex);
	return connector;
}

/**
 * The connector's fields, or a whole connection string where the connector takes one: the login from
 * the Database Login credential (or the node, where the user chose it), the rest from the node.
 */
export async function readAuthInput(context: IExecuteFunctions, connector: Connector, itemIndex: number): Promise<AuthInput> {
	const fromCredential = context.getNodeParameter('databaseLogin', itemIndex, 'credential') === 'credential';
	const whole = !fromCredential && connector.acceptsWholeConnectionString && context.getNodeParameter('credentialsInput', itemIndex, 'fields') === 'connectionString';
	if (whole) return { values: {}, connectionString: context.getNodeParameter('connectionString', itemIndex, '') as unknown };
	const values: AuthInput['values'] = {};
	for (const key of connector.fields) if (!(fromCredential && FIELDS[key].login)) values[key] = context.getNodeParameter(key, itemIndex, undefined) as unknown;
	if (!fromCredential) return { values };
	const login = await context.getCredentials(DATABASE_LOGIN, itemIndex);
	const input = loginInput(connector, login);
	if (!input) {
		const fields = connector.fields.filter((key) => FIELDS[key].login).map((key) => FIELDS[key].displayName);
		throw fieldError(
			context,
			new FieldError('Database Login credential', `holds a whole connection string, which ${connector.displayName} does not take`, `Set its Login Input to Fields and fill in ${fields.join(', ')}`),
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
