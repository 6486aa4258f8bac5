/** Connection Spec → Get: one connection spec, e.g. to see the auth fields a connector needs. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { forOperation } from '../shared/operation';
import { idLocator } from '../shared/locators';
import { validated } from '../shared/fieldErrors';
import { specItem } from './getMany.operation';

export const option = { name: 'Get', value: 'get', action: 'Get a connection spec', description: 'Get a connector\'s connection spec by its ID; returns its name, version and the ways it can sign in' };
export const readsOnly = true;

export const description = forOperation('connectionSpec', 'get', [
	idLocator({
		displayName: 'Connection Spec',
		name: 'connectionSpecId',
		description: 'The kind of source, e.g. to see the login fields its connector asks for',
		searchListMethod: 'searchConnectionSpecs',
		example: '37b6bf40-d318-4655-90be-5cd6f65d334b',
	}),
]);

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const id = validated(this, itemIndex, () => readId('Connection Spec ID', this.getNodeParameter('connectionSpecId', itemIndex, '', { extractValue: true })));
	const { body } = await client.request<{ items?: IDataObject[] }>({ method: 'GET', path: `/connectionSpecs/${id}`, itemIndex });
	return (body?.items ?? []).map(specItem);
}
