/** Connection Spec → Get: one connection spec, e.g. to see the auth fields a connector needs. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../helpers/validation';
import type { ItemContext } from '../common';
import { forOperation, validated } from '../common';

export const option = { name: 'Get', value: 'get', action: 'Get a connection spec' };

export const description = forOperation('connectionSpec', 'get', [
	{
		displayName: 'Connection Spec ID',
		name: 'connectionSpecId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 37b6bf40-d318-4655-90be-5cd6f65d334b',
		description: 'ID of the connection spec (Get Many lists them)',
	},
]);

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const id = validated(this, itemIndex, () => readId('Connection Spec ID', this.getNodeParameter('connectionSpecId', itemIndex, '')));
	const { body } = await client.request<{ items?: IDataObject[] }>({ method: 'GET', path: `/connectionSpecs/${id}`, itemIndex });
	return body?.items ?? [];
}
