/** Connection → Get: one connection by id, secrets left out. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemContext } from '../shared/operation';
import { connectionLocator, readConnectionId } from '../shared/locators';
import { forOperation } from '../shared/operation';
import { publicConnection } from '../shared/outputs';

export const option = { name: 'Get', value: 'get', action: 'Get a connection', description: 'Get a connection by its ID; returns its name, connector, state and its settings other than secrets' };
export const readsOnly = true;

export const description = forOperation('connection', 'get', [connectionLocator('The connection to get')]);

export async function fetchConnection(context: IExecuteFunctions, { itemIndex, client }: ItemContext, id: string): Promise<IDataObject> {
	const { body } = await client.request<{ items?: IDataObject[] }>({ method: 'GET', path: `/connections/${encodeURIComponent(id)}`, itemIndex });
	const connection = body?.items?.[0];
	if (!connection) throw new Error(`The Platform returned no connection for ${id}`);
	return connection;
}

export async function execute(this: IExecuteFunctions, item: ItemContext): Promise<IDataObject[]> {
	const id = readConnectionId(this, item.itemIndex);
	return [publicConnection(await fetchConnection(this, item, id))];
}
