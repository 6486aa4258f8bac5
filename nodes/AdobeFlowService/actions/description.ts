/** The node's parameters: authentication, resources, operations and the shared options. */
import type { INodeProperties } from 'n8n-workflow';

import * as connection from './connection/Connection.resource';
import * as connectionSpec from './connectionSpec/ConnectionSpec.resource';
import * as database from './database/Database.resource';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from './settings';
import { DEFAULT_TIMEOUT_SECONDS } from '../transport';

const resource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Connection', value: 'connection', description: 'A source connection to a database' },
		{ name: 'Connection Spec', value: 'connectionSpec', description: 'A connector the Platform offers' },
		{ name: 'Database', value: 'database', description: 'Tables, columns and rows behind a connection' },
	],
	default: 'connection',
};

const perItemOperations = ['create', 'delete', 'get', 'test', 'update', 'listTables', 'getTableSchema', 'previewRows'];

const options: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
			default: DEFAULT_CONCURRENCY,
			description: 'How many items to send at once. Under throttling all items slow down together.',
			displayOptions: { show: { '/operation': perItemOperations } },
		},
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description: 'Whether to only check the input and return the body that would be sent, secrets masked, without calling the Platform',
			displayOptions: { show: { '/resource': ['connection'], '/operation': ['create'] } },
		},
		{
			displayName: 'If Connection Exists',
			name: 'ifExists',
			type: 'options',
			options: [
				{ name: 'Create Another', value: 'create', description: 'Create a new connection with the same name' },
				{ name: 'Fail', value: 'fail', description: 'Stop with an error naming the existing connection' },
				{ name: 'Reuse It', value: 'reuse', description: 'Return the existing connection instead of creating one' },
			],
			default: 'reuse',
			description: 'What to do when a connection with the same name and connector already exists. Reuse keeps a scheduled workflow from piling up duplicates.',
			displayOptions: { show: { '/resource': ['connection'], '/operation': ['create'] } },
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_TIMEOUT_SECONDS,
			description: 'How long to wait for each answer from the Platform',
		},
	],
};

/** The canvas subtitle: the chosen operation's action, e.g. "Create a connection", not internal values. */
const actions = Object.fromEntries(
	Object.entries({ connection, database, connectionSpec }).flatMap(([resourceName, module]) =>
		Object.values(module.operations).map((operation) => [`${resourceName}.${operation.option.value}`, operation.option.action]),
	),
);
export const subtitle = `={{ ${JSON.stringify(actions)}[$parameter["resource"] + "." + $parameter["operation"]] }}`;

/** Every parameter of the node, in display order. */
export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'Access Token', value: 'accessToken' },
			{ name: 'OAuth Server-to-Server', value: 'serverToServer' },
		],
		default: 'accessToken',
	},
	resource,
	...connection.description,
	...database.description,
	...connectionSpec.description,
	options,
];
