/** Source Connection → Create: a table of a base connection, as the dataflow's source (`POST /sourceConnections`). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readText } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { connectionLocator, readConnectionId } from '../shared/locators';
import { forOperation } from '../shared/operation';
import { validated } from '../shared/fieldErrors';
import { fetchConnection } from '../connection/get.operation';
import { exploreTable, readTablePath, tableLocator } from '../database/explore';
import { createOnce, descriptionChange, outcomeFlags } from '../shared/createOnce';
import { reusableEntity } from '../shared/flowObjectOperations';
import { SOURCE_CONNECTION } from '../shared/flowObjects';

/** Safe to run again: If It Exists, and one object per reuse key (createOnce.ts). */
export const createsOnce = true;

export const option = { name: 'Create', value: 'create', action: 'Create a source connection', description: 'Create a source connection for one table of a base connection, by connection ID and table path, or reuse the one of the same name; returns its ID' };

const properties: INodeProperties[] = [
	connectionLocator('The base connection to the database the table is in'),
	{ ...tableLocator, description: 'The table the dataflow reads. By Path: its schema and name, e.g. public.customers.' },
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Customers table',
		description: 'Name of the new source connection, as shown in the Platform',
	},
	{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Description of the new source connection' },
	{
		displayName: 'Send Columns',
		name: 'sendColumns',
		type: 'boolean',
		default: true,
		description: "Whether to keep the table's columns and their types with the source connection, as the database has them now. Off: only the table's name is kept.",
	},
];

export const description = forOperation('sourceConnection', 'create', properties);

export async function execute(this: IExecuteFunctions, item: ItemContext): Promise<IDataObject[]> {
	const { itemIndex } = item;
	const baseConnectionId = readConnectionId(this, itemIndex);
	const table = readTablePath(this, itemIndex);
	const name = validated(this, itemIndex, () => readText('Name', this.getNodeParameter('name', itemIndex, ''), { max: 256 }));
	const descriptionText = validated(this, itemIndex, () => readText('Description', this.getNodeParameter('description', itemIndex, ''), { required: false, max: 1024 }));
	const base = await fetchConnection(this, item, baseConnectionId);
	const spec = base.connectionSpec as { id: string; version?: string };
	const params: IDataObject = { tableName: table };
	if (this.getNodeParameter('sendColumns', itemIndex, true) as boolean) {
		params.columns = ((await exploreTable(item, baseConnectionId, table, false)).schema?.columns ?? []) as unknown as IDataObject[];
	}
	const body = {
		name,
		...(descriptionText ? { description: descriptionText } : {}),
		baseConnectionId,
		data: { format: 'tabular' },
		params,
		connectionSpec: { id: spec.id, version: spec.version ?? '1.0' },
	};
	const outcome = await createOnce(this, item, reusableEntity(item, SOURCE_CONNECTION, body, [`baseConnectionId==${baseConnectionId}`], (existing) => {
		const existingTable = (existing.params as IDataObject | undefined)?.tableName;
		return existingTable === table ? undefined : `reads table ${String(existingTable)}`;
	}, (existing) => descriptionChange(existing, descriptionText)));
	return [{ ...SOURCE_CONNECTION.output(outcome.item), ...outcomeFlags(outcome) }];
}
