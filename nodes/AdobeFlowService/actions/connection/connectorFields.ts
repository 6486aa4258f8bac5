/**
 * The Connector selector and each connector's fields, generated from connectors.ts.
 * Create shows them always; Update shows them when the user chooses to replace the credentials.
 */
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Connector, FieldKey } from '../../connectors';
import { CONNECTORS, connectorOptions, FIELDS, findConnector } from '../../connectors';
import type { AuthInput, ConnectionInput } from '../../helpers/connectionBody';
import { FieldError } from '../../helpers/validation';
import { fieldError } from '../common';

const wholeStringConnectors = CONNECTORS.filter((c) => c.acceptsWholeConnectionString).map((c) => c.key);

function fieldProperty(connector: Connector, key: FieldKey): INodeProperties {
	const spec = FIELDS[key];
	const show: IDisplayOptions['show'] = { connector: [connector.key] };
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
			displayName: 'Credentials Input',
			name: 'credentialsInput',
			type: 'options',
			options: [
				{ name: 'Fields', value: 'fields', description: 'Host, port, database, username and password, quoted for you' },
				{ name: 'Connection String', value: 'connectionString', description: 'A whole connection string, sent as given' },
			],
			default: 'fields',
			displayOptions: { show: { connector: wholeStringConnectors } },
		},
		{
			displayName: 'Connection String',
			name: 'connectionString',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. HOST=db.example.com;PORT=5432;DB=sales;UID=reader;PWD={p;ss}',
			description: 'Connection string as the Platform expects it. A value holding ; = { or } goes in braces, with } doubled.',
			displayOptions: { show: { connector: wholeStringConnectors, credentialsInput: ['connectionString'] } },
		},
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

/** The connector's fields, or a whole connection string where the connector takes one and the user chose it. */
export function readAuthInput(context: IExecuteFunctions, connector: Connector, itemIndex: number): AuthInput {
	const whole = connector.acceptsWholeConnectionString && context.getNodeParameter('credentialsInput', itemIndex, 'fields') === 'connectionString';
	if (whole) return { values: {}, connectionString: context.getNodeParameter('connectionString', itemIndex, '') as unknown };
	const values: AuthInput['values'] = {};
	for (const key of connector.fields) values[key] = context.getNodeParameter(key, itemIndex, undefined) as unknown;
	return { values };
}

export function readConnectionInput(context: IExecuteFunctions, connector: Connector, itemIndex: number): ConnectionInput {
	return {
		name: context.getNodeParameter('name', itemIndex, '') as unknown,
		description: context.getNodeParameter('description', itemIndex, '') as unknown,
		...readAuthInput(context, connector, itemIndex),
	};
}
