/** Connection → Delete. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemContext } from '../shared/operation';
import { connectionLocator, readConnectionId } from '../shared/locators';
import { forOperation } from '../shared/operation';

export const option = { name: 'Delete', value: 'delete', action: 'Delete a connection', description: 'Delete a connection by its ID; returns deleted true and the ID' };

export const description = forOperation('connection', 'delete', [connectionLocator('The connection to delete')]);

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const id = readConnectionId(this, itemIndex);
	await client.request({
		method: 'DELETE',
		path: `/connections/${encodeURIComponent(id)}`,
		itemIndex,
		// A delete sent again after a lost answer that meets 404: the first one deleted it.
		recovery: { resentStatuses: [404], lookup: async () => ({}) },
	});
	return [{ deleted: true, id }];
}
