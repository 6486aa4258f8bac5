/** The node's parameters: authentication, resources, operations and the shared options. */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { Operation } from './shared/operation';
import { forOperation } from './shared/operation';
import { authentication } from './shared/authentication';
import { allOperations, RESOURCES } from './registry';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from './shared/settings';
import { toolDescriptions, toolProperties } from './shared/toolMode';
import { DEFAULT_TIMEOUT_SECONDS } from '../transport';

const resource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [...RESOURCES].sort((a, b) => a.name.localeCompare(b.name)).map(({ name, value, description }) => ({ name, value, description })),
	default: 'connection',
};

/** A resource's Operation selector, from its operations' own options, by name. */
function operationSelector(value: string, operations: Record<string, Operation>, defaultOperation: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [value] } },
		options: Object.values(operations)
			.map((operation) => operation.option)
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}

/** Operation values where some resource's operation of that value sends its items at once (all but the lists). */
const concurrentOperations = [...new Set(allOperations().filter(({ operation }) => operation.concurrent !== false).map(({ value }) => value))];
/** Resources whose Create is safe to run again, and so offers If It Exists. */
const creatingResources = [...new Set(allOperations().filter(({ operation }) => operation.createsOnce === true).map(({ resource }) => resource))];

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
			description: `The most items to send at once. Without this option the node finds its own pace (up to ${MAX_CONCURRENCY}): it sends more while the Platform answers fast, and fewer on a 429, a 503 or slower answers; all items slow down together.`,
			displayOptions: { show: { '/operation': concurrentOperations } },
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
			displayName: 'If It Exists',
			name: 'ifExists',
			type: 'options',
			options: [
				{ name: 'Create Another', value: 'create', description: 'Create a new one even so' },
				{ name: 'Fail', value: 'fail', description: 'Stop with an error naming the existing one' },
				{ name: 'Reuse It', value: 'reuse', description: 'Return the existing one as it is, instead of creating another' },
				{
					name: 'Update It',
					value: 'update',
					description: "Bring the existing one to what this node says — a connection's login and description, a dataflow's description, schedule, mapping and incremental column — and say what changed",
				},
			],
			default: 'reuse',
			description:
				'What to do when it already exists: a connection of the same name and connector, a source connection of the same name and connection, a target connection of the same name and dataset, a dataflow of the same name, a mapping with the same pairs',
			hint: 'Reuse It lets a workflow that runs every night create everything on its first run and find the same objects on the next. Update It also carries a changed password or schedule over.',
			displayOptions: { show: { '/resource': creatingResources, '/operation': ['create'] } },
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

/** The hidden parameter the Source Database credential is shown on. */
export const DATABASE_CREDENTIAL_SHOWN = 'databaseCredential';

const otherResources = RESOURCES.map((r) => r.value).filter((value) => value !== 'connection');
const operationValues = [...new Set(allOperations().map(({ value }) => value))];

/**
 * True exactly where the Source Database credential is used: Connection → Create, and Update with
 * Update Credentials, unless the login is typed into the node (one definition for each operation).
 * Said with `hide` conditions only: n8n's editor takes out of the node's panel every parameter named
 * in the `show` conditions of a parameter a credential depends on (to show it in the credential
 * dialog instead), which took Resource, Operation and Database Login away while the credential was
 * shown on them; `hide` conditions it leaves alone.
 */
const databaseCredential = (operation: 'create' | 'update', hide: NonNullable<IDisplayOptions['hide']> = {}): INodeProperties => ({
	displayName: 'Uses the Source Database Credential',
	name: DATABASE_CREDENTIAL_SHOWN,
	type: 'hidden',
	default: true,
	displayOptions: { hide: { resource: otherResources, operation: operationValues.filter((value) => value !== operation), databaseLogin: ['node'], ...hide } },
});

/** The canvas subtitle: the chosen operation's action, e.g. "Create a connection", not internal values. */
const actions = Object.fromEntries(allOperations().map(({ resource: r, value, operation }) => [`${r}.${value}`, operation.option.action]));
export const subtitle = `={{ ${JSON.stringify(actions)}[$parameter["resource"] + "." + $parameter["operation"]] }}`;

/** Every parameter of the node, in display order. */
export const nodeProperties: INodeProperties[] = [
	// The agent tool variant's description for its model, first as n8n places its own.
	...toolDescriptions(allOperations()),
	authentication,
	resource,
	...RESOURCES.flatMap((r) => [
		operationSelector(r.value, r.operations, r.defaultOperation),
		...Object.entries(r.operations as Record<string, Operation>).flatMap(([value, operation]) => forOperation(r.value, value, operation.description)),
	]),
	databaseCredential('create'),
	databaseCredential('update', { updateCredentials: [false] }),
	// Shown in the agent tool variant only, for the operations that change the Platform.
	...toolProperties([...new Set(allOperations().filter(({ operation }) => operation.readsOnly !== true).map(({ value }) => value))]),
	options,
];
