/** The node's parameters: authentication, resources, operations and the shared options. */
import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, operations } from './router';

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

const connectionOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['connection'] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Create a connection', description: 'Create a source connection for a database' },
		{ name: 'Delete', value: 'delete', action: 'Delete a connection' },
		{ name: 'Get', value: 'get', action: 'Get a connection' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many connections' },
		{ name: 'Test', value: 'test', action: 'Test a connection', description: 'Check that the Platform can reach the database' },
		{ name: 'Update', value: 'update', action: 'Update a connection', description: 'Rename a connection or replace its credentials' },
	],
	default: 'create',
};

const databaseOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['database'] } },
	options: [
		{ name: 'Get Table Schema', value: 'getTableSchema', action: 'Get the columns of a table' },
		{ name: 'List Tables', value: 'listTables', action: 'List the tables of a database' },
		{ name: 'Preview Rows', value: 'previewRows', action: 'Preview the rows of a table' },
	],
	default: 'listTables',
};

const specOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['connectionSpec'] } },
	options: [
		{ name: 'Get', value: 'get', action: 'Get a connection spec' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many connection specs' },
	],
	default: 'getMany',
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
			default: 60,
			description: 'How long to wait for each answer from the Platform',
		},
	],
};

const operationProperties = Object.values(operations).flatMap((byOperation) =>
	Object.values(byOperation).flatMap((operation) => operation.description),
);

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
	connectionOperations,
	databaseOperations,
	specOperations,
	...operationProperties,
	options,
];
