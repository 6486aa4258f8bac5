/** Database → List Tables: the tables (and folders) at the root of the database behind a connection. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemContext } from '../shared/operation';
import { connectionLocator, readConnectionId } from '../shared/locators';
import { forOperation } from '../shared/operation';
import { listRoot } from './explore';

export const option = { name: 'List Tables', value: 'listTables', action: 'List the tables of a database', description: 'List the tables at the root of the database behind a connection, by its connection ID; returns one item per table with its name, path and type' };
export const readsOnly = true;

export const description = forOperation('database', 'listTables', [connectionLocator('The connection whose database to explore')]);

export async function execute(this: IExecuteFunctions, item: ItemContext): Promise<IDataObject[]> {
	const connectionId = readConnectionId(this, item.itemIndex);
	const entries = await listRoot(item.client, connectionId, item.itemIndex);
	return entries.map((entry) => ({
		connectionId,
		name: entry.name ?? null,
		path: entry.path ?? entry.name ?? null,
		type: entry.type ?? null,
		canPreview: entry.canPreview ?? false,
		canFetchSchema: entry.canFetchSchema ?? false,
	}));
}
