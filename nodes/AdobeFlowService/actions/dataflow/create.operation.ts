/**
 * Dataflow → Create: source connection → mapping → target connection on a schedule (`POST /flows`),
 * with the batch flow spec every table source uses (CRMToAEP). A dataflow that runs more than once
 * copies incrementally on a column of the table (the Copy transformation's delta column).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readText } from '../../helpers/validation';
import type { ItemContext } from '../common';
import { forOperation, validated } from '../common';
import { createOnce, DATAFLOW, entityLocator, outcomeFlags, readEntityId, SOURCE_CONNECTION, TARGET_CONNECTION } from '../flowEntities';
import { mappingIdProperty, readMappingId } from '../mapping/mappingSets';
import { readSchedule, scheduleProperties } from './schedule';

/** The flow spec of batch dataflows from table sources (databases, CRMs), from Adobe's database dataflow tutorial. */
export const CRM_TO_AEP_FLOW_SPEC_ID = '14518937-270c-4525-bdec-c2ba7cce3860';

export const option = { name: 'Create', value: 'create', action: 'Create a dataflow', description: 'Create a scheduled dataflow from a source connection to a target connection' };

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'e.g. Customers nightly', description: 'Name of the new dataflow, as shown in the Platform' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Description of the new dataflow' },
	entityLocator(SOURCE_CONNECTION, 'The table to read'),
	entityLocator(TARGET_CONNECTION, 'The dataset to write to'),
	mappingIdProperty,
	...scheduleProperties(),
];

export const description = forOperation('dataflow', 'create', properties);

export async function execute(this: IExecuteFunctions, item: ItemContext): Promise<IDataObject[]> {
	const { itemIndex } = item;
	const name = validated(this, itemIndex, () => readText('Name', this.getNodeParameter('name', itemIndex, ''), { max: 256 }));
	const descriptionText = validated(this, itemIndex, () => readText('Description', this.getNodeParameter('description', itemIndex, ''), { required: false, max: 1024 }));
	const sourceConnectionId = readEntityId(this, itemIndex, SOURCE_CONNECTION);
	const targetConnectionId = readEntityId(this, itemIndex, TARGET_CONNECTION);
	const mappingId = readMappingId(this, itemIndex);
	const { scheduleParams, deltaColumn } = readSchedule(this, itemIndex);
	const body = {
		name,
		...(descriptionText ? { description: descriptionText } : {}),
		flowSpec: { id: CRM_TO_AEP_FLOW_SPEC_ID, version: '1.0' },
		sourceConnectionIds: [sourceConnectionId],
		targetConnectionIds: [targetConnectionId],
		transformations: [
			...(deltaColumn ? [{ name: 'Copy', params: { deltaColumn: { name: deltaColumn } } }] : []),
			{ name: 'Mapping', params: { mappingId, mappingVersion: 0 } },
		],
		scheduleParams,
	};
	const outcome = await createOnce(this, item, DATAFLOW, body, [], (existing) => {
		const source = (existing.sourceConnectionIds as string[] | undefined)?.[0];
		return source === sourceConnectionId ? undefined : `reads source connection ${String(source)}`;
	});
	return [{ ...DATAFLOW.output(outcome.item), ...outcomeFlags(outcome) }];
}
