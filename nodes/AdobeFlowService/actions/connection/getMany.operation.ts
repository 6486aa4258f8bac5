/** Connection → Get Many: pages through `/connections` with filters, Return All or a Limit. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CONNECTORS } from '../../connectors';
import { FieldError, readText } from '../../helpers/validation';
import type { ItemContext } from '../common';
import { forOperation, publicConnection, readLimit, returnAllOrLimit, validated, UUID } from '../common';

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
				options: [...CONNECTORS]
					.sort((a, b) => a.displayName.localeCompare(b.displayName))
					.map((c) => ({ name: c.displayName, value: c.connectionSpecId })),
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
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				options: [
					{ name: 'Disabled', value: 'disabled' },
					{ name: 'Enabled', value: 'enabled' },
				],
				default: 'enabled',
				description: 'Only connections in this state',
			},
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

/** Builds the repeated `property` filters. A comma in a value would read as an OR-list, so it is refused. */
export function filterQuery(filters: Filters): string[] {
	const property: string[] = [];
	const specs = [...(filters.connectors ?? [])];
	const specId = readText('Connection Spec ID', filters.connectionSpecId, { required: false });
	if (specId) {
		if (!new RegExp(`^${UUID}$`).test(specId)) throw new FieldError('Connection Spec ID', 'is not a valid ID');
		specs.push(specId);
	}
	if (specs.length > 0) property.push(`connectionSpec.id==${[...new Set(specs)].join(',')}`);
	const name = readText('Name', filters.name, { required: false });
	if (name) {
		if (name.includes(',')) throw new FieldError('Name', 'cannot contain a comma in a filter', 'Filter on another field and check the name in a later node');
		property.push(`name==${name}`);
	}
	if (filters.state) property.push(`state==${filters.state}`);
	return property;
}

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as Filters;
	const property = validated(this, itemIndex, () => filterQuery(filters));
	const orderby = this.getNodeParameter('orderBy', itemIndex, '') as string;
	const qs: IDataObject = {};
	if (property.length > 0) qs.property = property;
	if (orderby) qs.orderby = orderby;
	const items = await client.getPaged<IDataObject>('/connections', qs, limit, itemIndex);
	return items.map(publicConnection);
}
