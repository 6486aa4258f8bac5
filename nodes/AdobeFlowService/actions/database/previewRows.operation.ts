/** Database → Preview Rows: a sample of a table's rows, as the Platform reads them. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readPositiveInteger } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { connectionLocator, readConnectionId } from '../shared/locators';
import { forOperation } from '../shared/operation';
import { validated } from '../shared/fieldErrors';
import { describeColumn, exploreTable, readTablePath, tableLocator } from './explore';

export const option = { name: 'Preview Rows', value: 'previewRows', action: 'Preview the rows of a table', description: 'Read a few rows of one table, by connection ID and table path, without copying anything; returns the columns and the rows' };
export const readsOnly = true;

export const description = forOperation('database', 'previewRows', [
	connectionLocator('The connection whose database to explore'),
	tableLocator,
	{
		displayName: 'Output',
		name: 'previewOutput',
		type: 'options',
		options: [
			{ name: 'One Item per Row', value: 'rows' },
			{ name: 'One Item for the Table', value: 'table', description: 'An item with the columns and a list of rows' },
		],
		default: 'rows',
	},
	{
		displayName: 'Max Rows',
		name: 'maxRows',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10,
		description: 'Most rows to output; the Platform decides how many it samples',
	},
]);

export async function execute(this: IExecuteFunctions, item: ItemContext): Promise<IDataObject[]> {
	const { itemIndex } = item;
	const connectionId = readConnectionId(this, itemIndex);
	const table = readTablePath(this, itemIndex);
	const maxRows = validated(this, itemIndex, () => readPositiveInteger('Max Rows', this.getNodeParameter('maxRows', itemIndex, 10)));
	const result = await exploreTable(item, connectionId, table, true);
	const rows = (Array.isArray(result.data) ? result.data : []).slice(0, maxRows);
	if (this.getNodeParameter('previewOutput', itemIndex, 'rows') === 'table') {
		return [{ connectionId, table, columns: (result.schema?.columns ?? []).map(describeColumn), rowCount: rows.length, rows }];
	}
	return rows;
}
