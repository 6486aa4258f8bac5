/** What the three explore operations share: the table parameter and the explore request. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readText } from '../../helpers/validation';
import type { FlowServiceClient } from '../../transport';
import type { ItemContext } from '../shared/operation';
import { validated } from '../shared/fieldErrors';

export interface ExploreEntry {
	type?: string;
	name?: string;
	path?: string;
	canPreview?: boolean;
	canFetchSchema?: boolean;
}

/** The tables and folders at the root of the database behind a connection (objectType=root, as in Adobe's tutorials). */
export async function listRoot(client: FlowServiceClient, connectionId: string, itemIndex?: number): Promise<ExploreEntry[]> {
	const { body } = await client.request<ExploreEntry[]>({
		method: 'GET',
		path: `/connections/${encodeURIComponent(connectionId)}/explore`,
		qs: { objectType: 'root' },
		itemIndex,
	});
	return Array.isArray(body) ? body : [];
}

export interface ExploreColumn {
	name: string;
	type?: string;
	'meta:xdmType'?: string;
	xdm?: { type?: string; format?: string };
}

export interface ExploreTable {
	format?: string;
	schema?: { columns?: ExploreColumn[] };
	data?: IDataObject[];
}

export const tableLocator: INodeProperties = {
	displayName: 'Table',
	name: 'table',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The table to read. By Path: its schema and name, e.g. public.customers, as List Tables outputs it.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a table...',
			typeOptions: { searchListMethod: 'searchTables', searchable: true },
		},
		{
			displayName: 'By Path',
			name: 'path',
			type: 'string',
			placeholder: 'e.g. public.customers',
		},
	],
};

export function readTablePath(context: IExecuteFunctions, itemIndex: number): string {
	const raw = context.getNodeParameter('table', itemIndex, '', { extractValue: true }) as unknown;
	return validated(context, itemIndex, () => readText('Table', raw, { max: 1024 }));
}

/** A table's columns and, with `preview`, some rows; `itemIndex` is absent when a list in the editor asks. */
export async function exploreTable(
	{ itemIndex, client }: Pick<ItemContext, 'client'> & { itemIndex?: number },
	connectionId: string,
	table: string,
	preview: boolean,
): Promise<ExploreTable> {
	const qs: IDataObject = { objectType: 'table', object: table };
	if (preview) qs.preview = true;
	const { body } = await client.request<ExploreTable>({
		method: 'GET',
		path: `/connections/${encodeURIComponent(connectionId)}/explore`,
		qs,
		itemIndex,
	});
	return body ?? {};
}

/** A column as output: its name, source type, XDM type and format — null where the Platform gives none. */
export function describeColumn(column: ExploreColumn): IDataObject {
	return {
		name: column.name,
		type: column.type ?? null,
		xdmType: column.xdm?.type ?? column['meta:xdmType'] ?? null,
		xdmFormat: column.xdm?.format ?? null,
		metaXdmType: column['meta:xdmType'] ?? null,
	};
}
