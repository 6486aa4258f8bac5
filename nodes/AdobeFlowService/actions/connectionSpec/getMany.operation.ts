/** Connection Spec → Get Many: the connectors the Platform offers, optionally by name. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { FieldError, readText } from '../../helpers/validation';
import type { ItemContext } from '../common';
import { forOperation, readLimit, returnAllOrLimit, validated } from '../common';

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
	const name = validated(this, itemIndex, () => {
		const value = readText('Name', this.getNodeParameter('specName', itemIndex, ''), { required: false });
		if (value.includes('"')) throw new FieldError('Name', 'cannot contain a double quote');
		return value;
	});
	const qs: IDataObject = name ? { property: [`name=="${name}"`] } : {};
	// The OpenAPI lists no `limit` for /connectionSpecs: the Limit is applied to what comes back.
	const items = await client.getPaged<IDataObject>('/connectionSpecs', qs, limit, itemIndex, { sendLimit: false });
	return items.map((spec) => ({
		id: spec.id,
		name: spec.name,
		providerId: spec.providerId,
		version: spec.version,
		authSpecNames: Array.isArray(spec.authSpec) ? (spec.authSpec as IDataObject[]).map((a) => a.name) : [],
		...spec,
	}));
}
