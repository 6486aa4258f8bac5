/** Target Connection → Create: the Data Lake dataset the dataflow writes to (`POST /targetConnections`). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError, readText } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { fieldError, validated } from '../shared/fieldErrors';
import { forOperation } from '../shared/operation';
import { DATASET_ID, datasetLocator, readLocator, SCHEMA_ID, schemaLocator } from '../shared/locators';
import { fetchDataset } from '../shared/catalog';
import { createOnce, descriptionChange, outcomeFlags } from '../shared/createOnce';
import { reusableEntity } from '../shared/flowObjectOperations';
import { TARGET_CONNECTION } from '../shared/flowObjects';

/** The Data Lake's connection spec: the only one a database dataflow's target may have. */
export const DATA_LAKE_SPEC_ID = 'c604ff05-7f1a-43c0-8e18-33bf874cb11c';
/** "Returns the latest minor version of the schema" (the database dataflow tutorial). */
export const SCHEMA_VERSION = 'application/vnd.adobe.xed-full+json;version=1';

/** Safe to run again: If It Exists, and one object per reuse key (createOnce.ts). */
export const createsOnce = true;

export const option = { name: 'Create', value: 'create', action: 'Create a target connection', description: 'Create a target connection to a dataset, by dataset ID, or reuse the one of the same name; returns its ID and the schema ID of its rows' };

const properties: INodeProperties[] = [
	datasetLocator('The dataset the rows are written to'),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Customers dataset',
		description: 'Name of the new target connection, as shown in the Platform',
	},
	{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Description of the new target connection' },
	{
		...schemaLocator("The XDM schema of the rows written. Leave empty for the dataset's own schema, which is almost always the one to use.", false),
		displayName: 'Schema (Optional)',
	},
];

export const description = forOperation('targetConnection', 'create', properties);

export async function execute(this: IExecuteFunctions, item: ItemContext): Promise<IDataObject[]> {
	const { itemIndex, client } = item;
	const dataSetId = readLocator(this, itemIndex, 'dataset', 'Dataset', DATASET_ID, 'Pick a dataset from the list, or give its ID (24 hexadecimal characters)');
	const name = validated(this, itemIndex, () => readText('Name', this.getNodeParameter('name', itemIndex, ''), { max: 256 }));
	const descriptionText = validated(this, itemIndex, () => readText('Description', this.getNodeParameter('description', itemIndex, ''), { required: false, max: 1024 }));
	let schemaId = readLocator(this, itemIndex, 'schema', 'Schema', SCHEMA_ID, "The schema's $id, e.g. https://ns.adobe.com/{TENANT_ID}/schemas/…", false);
	if (!schemaId) {
		const dataset = await fetchDataset(client, dataSetId, itemIndex);
		if (!dataset.schemaId) throw fieldError(this, new FieldError('Dataset', `${dataSetId} has no XDM schema`, 'Give the schema, or pick a dataset made from a schema'), itemIndex);
		schemaId = dataset.schemaId;
	}
	const body = {
		name,
		...(descriptionText ? { description: descriptionText } : {}),
		data: { schema: { id: schemaId, version: SCHEMA_VERSION } },
		params: { dataSetId },
		connectionSpec: { id: DATA_LAKE_SPEC_ID, version: '1.0' },
	};
	const outcome = await createOnce(this, item, reusableEntity(item, TARGET_CONNECTION, body, [`params.dataSetId==${dataSetId}`], undefined, (existing) => descriptionChange(existing, descriptionText)));
	return [{ ...TARGET_CONNECTION.output(outcome.item), ...outcomeFlags(outcome) }];
}
