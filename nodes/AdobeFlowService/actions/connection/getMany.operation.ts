/** Connection → Get Many: pages through `/connections` with filters, Return All or a Limit. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectorOptions } from '../../connectors';
import { anyOf, exactFilter } from '../../helpers/filters';
import { readId, readText } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { forOperation } from '../shared/operation';
import { publicConnection } from '../shared/outputs';
import { readLimit, returnAllOrLimit, stateFilter } from '../shared/lists';
import { validated } from '../shared/fieldErrors';

/** A list: its items are not sent at once (no Concurrency option). */
export const concurrent = false;

export const option = { name: 'Get Many', value: 'getMany', action: 'Get many connections', description: 'List connections, optionally by name, connector or state; returns one item per connection with its ID and name' };
export const readsOnly = true;

const properties: INodeProperties[] = [
	...returnAllOrLimit(['getMany'], 'connection'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Connection Spec ID',
				name: 'connectionSpecId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 37b6bf40-d318-4655-90be-5cd6f65d334b',
				description: 'Only connections of this connection spec, for a connector not in the Connectors list',
			},
			{
				displayName: 'Connectors',
				name: 'connectors',
				type: 'multiOptions',
				options: connectorOptions((c) => c.connectionSpecId),
				default: [],
				description: 'Only connections of these connectors',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only connections with exactly this name',
			},
			stateFilter('connections'),
		],
	},
	{
		displayName: 'Sort By Name',
		name: 'orderBy',
		type: 'options',
		options: [
			{ name: 'None', value: '' },
			{ name: 'Ascending', value: '+name' },
			{ name: 'Descending', value: '-name' },
		],
		default: '',
		description: 'Order in which the Platform returns the connections',
	},
];

export const description = forOperation('connection', 'getMany', properties);

interface Filters {
	connectionSpecId?: string;
	connectors?: string[];
	name?: string;
	state?: string;
}

/**
 * The repeated `property` filters, and the exact name to check on every connection read when the
 * name cannot be written as a filter (see helpers/filters.ts).
 */
export function filterQuery(filters: Filters): { property: string[]; name?: string } {
	const property: string[] = [];
	const specs = [...(filters.connectors ?? [])];
	if (readText('Connection Spec ID', filters.connectionSpecId, { required: false })) specs.push(readId('Connection Spec ID', filters.connectionSpecId));
	if (specs.length > 0) property.push(anyOf('connectionSpec.id', [...new Set(specs)]));
	if (filters.state) property.push(`state==${filters.state}`);
	const name = readText('Name', filters.name, { required: false });
	if (!name) return { property };
	const byName = exactFilter('name', name);
	return byName ? { property: [...property, byName] } : { property, name };
}

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as Filters;
	const { property, name } = validated(this, itemIndex, () => filterQuery(filters));
	const orderby = this.getNodeParameter('orderBy', itemIndex, '') as string;
	const qs: IDataObject = {};
	if (property.length > 0) qs.property = property;
	if (orderby) qs.orderby = orderby;
	// A name the filter cannot express: read them all, keep the exact name, then apply the limit.
	const items = await client.getPaged<IDataObject>('/connections', qs, { limit: name === undefined ? limit : undefined, itemIndex });
	const kept = name === undefined ? items : items.filter((c) => c.name === name).slice(0, limit);
	return kept.map(publicConnection);
}
