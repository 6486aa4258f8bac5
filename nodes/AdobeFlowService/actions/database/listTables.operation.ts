/** Database → List Tables: the tables (and folders) at the root of the database behind a connection. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemContext } from '../common';
import { connectionLocator, forOperation, readConnectionId } from '../common';

export const description = forOperation('database', 'listTables', [connectionLocator('The connection whose database to explore')]);

export interface ExploreEntry {
	type?: string;
	name?: string;
	path?: string;
	canPreview?: boolean;
	canFetchSchema?: boolean;
}

export async function listRoot({ itemIndex, client }: ItemContext, connectionId: string): Promise<ExploreEntry[]> {
	const { body } = await client.request<ExploreEntry[]>({
		method: 'GET',
		path: `/connections/${encodeURIComponent(connectionId)}/explore`,
		qs: { objectType: 'root' },
		itemIndex,
	});
	return Array.isArray(body) ? body : [];
}

export async function execute(this: IExecuteFunctions, item: ItemContext): Promise<IDataObject[]> {
	const connectionId = readConnectionId(this, item.itemIndex);
	const entries = await listRoot(item, connectionId);
	return entries.map((entry) => ({
		connectionId,
		name: entry.name ?? null,
		path: entry.path ?? entry.name ?? null,
		type: entry.type ?? null,
		canPreview: entry.canPreview ?? false,
		canFetchSchema: entry.canFetchSchema ?? false,
	}));
}
