/** Database → Get Table Schema: the columns of a table, with their XDM types. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemContext } from '../shared/operation';
import { connectionLocator, readConnectionId } from '../shared/locators';
import { forOperation } from '../shared/operation';
import { describeColumn, exploreTable, readTablePath, tableLocator } from './explore';

export const option = { name: 'Get Table Schema', value: 'getTableSchema', action: 'Get the columns of a table', description: 'Get the columns of one table, by connection ID and table path (e.g. sales.customers); returns each column\'s name and type' };
export const readsOnly = true;

export const description = forOperation('database', 'getTableSchema', [
	connectionLocator('The connection whose database to explore'),
	tableLocator,
	{
		displayName: 'Output',
		name: 'schemaOutput',
		type: 'options',
		options: [
			{ name: 'One Item for the Table', value: 'table', description: 'An item with a list of columns' },
			{ name: 'One Item per Column', value: 'columns' },
		],
		default: 'table',
	},
]);

export async function execute(this: IExecuteFunctions, item: ItemContext): Promise<IDataObject[]> {
	const connectionId = readConnectionId(this, item.itemIndex);
	const table = readTablePath(this, item.itemIndex);
	const result = await exploreTable(item, connectionId, table, false);
	const columns = (result.schema?.columns ?? []).map(describeColumn);
	if (this.getNodeParameter('schemaOutput', item.itemIndex, 'table') === 'columns') {
		return columns.map((column, position) => ({ connectionId, table, position, ...column }));
	}
	return [{ connectionId, table, format: result.format ?? null, columnCount: columns.length, columns }];
}
