/** Return All / Limit, and the filters lists share. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPositiveInteger } from '../../helpers/validation';
import { validated } from './fieldErrors';

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
