/** Connection Spec → Get Many: the connectors the Platform offers, optionally by name. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { exactFilter } from '../../helpers/filters';
import { readText } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { forOperation } from '../shared/operation';
import { readLimit, returnAllOrLimit } from '../shared/lists';
import { validated } from '../shared/fieldErrors';

/** A list: its items are not sent at once (no Concurrency option). */
export const concurrent = false;

export const option = { name: 'Get Many', value: 'getMany', action: 'Get many connection specs', description: 'List the connection specs (connectors) the Platform offers; returns one item per spec with its ID and name' };
export const readsOnly = true;

export const description = forOperation('connectionSpec', 'getMany', [
	...returnAllOrLimit(['getMany'], 'connectionSpec'),
	{
		displayName: 'Name',
		name: 'specName',
		type: 'string',
		default: '',
		placeholder: 'e.g. greenplum',
		description: 'Only the connection spec with exactly this name',
	},
]);

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const name = validated(this, itemIndex, () => readText('Name', this.getNodeParameter('specName', itemIndex, ''), { required: false }));
	const byName = name ? exactFilter('name', name) : undefined;
	const qs: IDataObject = byName ? { property: [byName] } : {};
	// The OpenAPI lists no `limit` for /connectionSpecs: the Limit is applied to what comes back.
	const all = await client.getPaged<IDataObject>('/connectionSpecs', qs, { limit: name && !byName ? undefined : limit, itemIndex, sendLimit: false });
	const items = name && !byName ? all.filter((spec) => spec.name === name).slice(0, limit) : all;
	return items.map(specItem);
}

/** A connection spec as output: as the Platform returns it, with the names of its auth specs up front. */
export function specItem(spec: IDataObject): IDataObject {
	return {
		id: spec.id,
		name: spec.name ?? null,
		providerId: spec.providerId ?? null,
		version: spec.version ?? null,
		authSpecNames: Array.isArray(spec.authSpec) ? (spec.authSpec as IDataObject[]).map((a) => a.name) : [],
		...spec,
	};
}
