/** Parameters, readers and output helpers that several operations share. */
import type { IDataObject, IExecuteFunctions, INodePropertyOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FlowServiceClient } from '../transport';
import { findConnectorBySpecId, shownParamNames } from '../connectors';
import { FieldError, isUuid, readPositiveInteger, UUID } from '../helpers/validation';

/** What every operation's execute gets for one input item. */
export interface ItemContext {
	itemIndex: number;
	client: FlowServiceClient;
	/** What this execution's Creates have made or found, by reuse key (see createOnce.ts); absent outside an execution. */
	made?: Map<string, Promise<unknown>>;
}

export type OperationExecute = (this: IExecuteFunctions, item: ItemContext) => Promise<IDataObject[]>;

export interface Operation {
	/** Its entry in the resource's Operation selector. */
	option: INodePropertyOptions & { action: string };
	description: INodeProperties[];
	execute: OperationExecute;
	/** A Create that is safe to run again: it offers If It Exists (see createOnce.ts). */
	createsOnce?: boolean;
	/** False where the items' requests are not worth sending at once (a list): no Concurrency option. */
	concurrent?: boolean;
}

/** A resource: its entry in the Resource selector and its operations, each one file. */
export interface Resource {
	value: string;
	name: string;
	description: string;
	defaultOperation: string;
	operations: Record<string, Operation>;
}

/** A resource locator for a Platform object: From List (searchable) and By ID, and By URL where `url` gives an example address. */
export function idLocator(what: {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: string;
	example: string;
	pattern?: string;
	required?: boolean;
	url?: string;
}): INodeProperties {
	const noun = what.displayName.toLowerCase();
	const pattern = what.pattern ?? UUID;
	// The modes are written out under `modes`, where n8n's lint (and its package scanner) knows they take no default.
	const locator: INodeProperties = {
		displayName: what.displayName,
		name: what.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: what.required ?? true,
		description: what.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${noun}...`,
				typeOptions: { searchListMethod: what.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${what.example}`,
				validation: [{ type: 'regex', properties: { regex: `^\\s*${pattern}\\s*$`, errorMessage: `Not a valid ${noun} ID` } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${what.url}`,
				validation: [{ type: 'regex', properties: { regex: `.*(${pattern}).*`, errorMessage: `The URL holds no ${noun} ID` } }],
				extractValue: { type: 'regex', regex: `(${pattern})` },
			},
		],
	};
	if (!what.url) locator.modes = locator.modes!.filter((mode) => mode.name !== 'url');
	return locator;
}

export function connectionLocator(description = 'The connection to use'): INodeProperties {
	return idLocator({
		displayName: 'Connection',
		name: 'connection',
		description,
		searchListMethod: 'searchConnections',
		example: '4cb0c374-d3bb-4557-b139-5712880adc55',
		url: 'https://platform.adobe.io/data/foundation/flowservice/connections/4cb0c374-d3bb-4557-b139-5712880adc55',
	});
}

/** Throws a NodeOperationError naming the field and the item. */
export function fieldError(context: IExecuteFunctions, error: FieldError, itemIndex: number): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${error.field} ${error.problem} [item ${itemIndex}]`, {
		description: error.hint ? `${error.hint}.` : undefined,
		itemIndex,
	});
}

export function readConnectionId(context: IExecuteFunctions, itemIndex: number, parameter = 'connection'): string {
	const raw = context.getNodeParameter(parameter, itemIndex, '', { extractValue: true }) as unknown;
	const value = typeof raw === 'string' ? raw.trim() : raw;
	if (value === '' || value === undefined || value === null) {
		throw fieldError(context, new FieldError('Connection', 'is required', 'Pick a connection from the list, or give its ID, e.g. {{ $json.id }}'), itemIndex);
	}
	if (!isUuid(value)) {
		throw fieldError(context, new FieldError('Connection', 'is not a valid connection ID', 'A connection ID looks like 4cb0c374-d3bb-4557-b139-5712880adc55'), itemIndex);
	}
	return value;
}

/** Runs a check that may throw FieldError and turns it into the node's error. */
export function validated<T>(context: IExecuteFunctions, itemIndex: number, check: () => T): T {
	try {
		return check();
	} catch (error) {
		throw error instanceof FieldError ? fieldError(context, error, itemIndex) : new NodeOperationError(context.getNode(), error as Error, { itemIndex });
	}
}

/** A Get Many filter on `state` (enabled or disabled), for connections and dataflows. */
export function stateFilter(noun: string): INodeProperties {
	return {
		displayName: 'State',
		name: 'state',
		type: 'options',
		options: [
			{ name: 'Disabled', value: 'disabled' },
			{ name: 'Enabled', value: 'enabled' },
		],
		default: 'enabled',
		description: `Only ${noun} in this state`,
	};
}

export function returnAllOrLimit(operations: string[], resource: string): INodeProperties[] {
	const displayOptions = { show: { resource: [resource], operation: operations } };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...displayOptions.show, returnAll: [false] } },
		},
	];
}

export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return validated(context, itemIndex, () => readPositiveInteger('Limit', context.getNodeParameter('limit', itemIndex, 50)));
}

/** Sets displayOptions for one operation on each of its properties. */
export function forOperation(resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { resource: [resource], operation: [operation], ...property.displayOptions?.show },
		},
	}));
}

/**
 * A connection as the user sees it in output: what the Platform returned, minus anything secret,
 * with the same keys every time — `description` and `connector` (its name, null for a connector the
 * node has no entry for) are null rather than missing.
 */
/**
 * Every time in the node's output, one way: ISO 8601 in UTC. The Platform writes epoch milliseconds
 * (Flow Service), ISO strings or epoch seconds (Data Prep's examples differ); null when it gives none.
 */
export function isoTime(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return new Date(value < 1e11 ? value * 1000 : value).toISOString();
	if (typeof value === 'string' && value !== '') {
		const parsed = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
		return Number.isNaN(parsed) ? null : isoTime(parsed);
	}
	return null;
}

export function publicConnection(connection: IDataObject): IDataObject {
	const { auth, ...rest } = connection;
	const authObject = auth as { specName?: unknown; params?: IDataObject } | undefined;
	const connector = findConnectorBySpecId(String((connection.connectionSpec as IDataObject | undefined)?.id ?? ''));
	// Only the parameters of a known connector that are known not to be secret are shown.
	const shown = connector ? shownParamNames(connector, authObject?.specName) : [];
	const params = Object.fromEntries(Object.entries(authObject?.params ?? {}).filter(([key]) => shown.includes(key)));
	return {
		...rest,
		createdAt: isoTime(rest.createdAt),
		updatedAt: isoTime(rest.updatedAt),
		description: typeof rest.description === 'string' ? rest.description : null,
		connector: connector?.displayName ?? null,
		auth: { specName: authObject?.specName ?? null, params },
	};
}
