/**
 * Dataflow → Create: source connection → mapping → target connection on a schedule (`POST /flows`),
 * with the batch flow spec every table source uses (CRMToAEP). A dataflow that runs more than once
 * copies incrementally on a column of the table (the Copy transformation's delta column).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readText } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { forOperation } from '../shared/operation';
import { validated } from '../shared/fieldErrors';
import type { Changes } from '../shared/createOnce';
import { createOnce, descriptionChange, outcomeFlags } from '../shared/createOnce';
import { DATAFLOW, entityLocator, readEntityId, SOURCE_CONNECTION, TARGET_CONNECTION } from '../shared/flowObjects';
import { reusableEntity } from '../shared/flowObjectOperations';
import { mappingIdProperty, readMappingId } from '../mapping/mappingSets';
import { readSchedule, scheduleProperties } from './schedule';
import type { WantedOptions } from './ingestionOptions';
import { createOptionProperties, DEFAULT_THRESHOLD, optionsBody, optionsChange, readCreateOptions } from './ingestionOptions';

/** The flow spec of batch dataflows from table sources (databases, CRMs), from Adobe's database dataflow tutorial. */
export const CRM_TO_AEP_FLOW_SPEC_ID = '14518937-270c-4525-bdec-c2ba7cce3860';

/** Safe to run again: If It Exists, and one object per reuse key (createOnce.ts). */
export const createsOnce = true;

export const option = { name: 'Create', value: 'create', action: 'Create a dataflow', description: 'Create a scheduled dataflow from a source connection ID to a target connection ID through a mapping, or reuse the one of the same name; returns its ID, state and schedule' };

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'e.g. Customers nightly', description: 'Name of the new dataflow, as shown in the Platform' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Description of the new dataflow' },
	entityLocator(SOURCE_CONNECTION, 'The table to read: its source connection'),
	entityLocator(TARGET_CONNECTION, 'The dataset to write to: its target connection'),
	{ ...mappingIdProperty, hint: "With a target connection picked above, From List shows only the mappings to its dataset's schema: the Platform takes no other" },
	...scheduleProperties(),
	...createOptionProperties(),
];

export const description = forOperation('dataflow', 'create', properties);

/**
 * What Update It patches into an existing dataflow of the same name and source connection: the
 * description, the schedule's frequency and interval, the mapping set and the incremental column
 * (each transformation replaced at its own index, as Adobe's update tutorial does), and error
 * diagnostics and partial ingestion (merged into the flow's options: ingestionOptions.ts). Not the start time:
 * the Platform refuses to change it once it has passed (`1366-400`). Values are compared as text, as
 * the Platform reads a schedule back as the strings it was sent and `mappingVersion` as a string.
 */
export function dataflowChanges(
	existing: IDataObject,
	wanted: { description?: string; scheduleParams: IDataObject; transformations: Array<{ name: string; params: IDataObject }> },
	options: WantedOptions,
): Changes {
	const { ops, changes } = descriptionChange(existing, wanted.description);
	const schedule = (existing.scheduleParams ?? {}) as IDataObject;
	for (const key of ['frequency', 'interval']) {
		const value = wanted.scheduleParams[key];
		if (value !== undefined && String(schedule[key] ?? '') !== String(value)) {
			ops.push({ op: schedule[key] === undefined ? 'add' : 'replace', path: `/scheduleParams/${key}`, value });
			changes.push(`schedule ${key}`);
		}
	}
	const current = (Array.isArray(existing.transformations) ? existing.transformations : []) as Array<{ name?: string; params?: IDataObject }>;
	const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
	for (const transformation of wanted.transformations) {
		const index = current.findIndex((t) => t.name === transformation.name);
		const before = index < 0 ? undefined : current[index].params ?? {};
		const differs =
			transformation.name === 'Mapping'
				? String(before?.mappingId) !== String(transformation.params.mappingId)
				: !same((before?.deltaColumn as IDataObject | undefined)?.name, (transformation.params.deltaColumn as IDataObject | undefined)?.name);
		if (!differs) continue;
		if (index < 0) ops.push({ op: 'add', path: `/transformations/${current.length}`, value: transformation });
		else ops.push({ op: 'replace', path: `/transformations/${index}`, value: transformation });
		changes.push(transformation.name === 'Mapping' ? 'mapping' : 'incremental column');
	}
	const optionsPatch = optionsChange(existing, options);
	return { ops: [...ops, ...optionsPatch.ops], changes: [...changes, ...optionsPatch.changes] };
}

export async function execute(this: IExecuteFunctions, item: ItemContext): Promise<IDataObject[]> {
	const { itemIndex } = item;
	const name = validated(this, itemIndex, () => readText('Name', this.getNodeParameter('name', itemIndex, ''), { max: 256 }));
	const descriptionText = validated(this, itemIndex, () => readText('Description', this.getNodeParameter('description', itemIndex, ''), { required: false, max: 1024 }));
	const sourceConnectionId = readEntityId(this, itemIndex, SOURCE_CONNECTION);
	const targetConnectionId = readEntityId(this, itemIndex, TARGET_CONNECTION);
	const mappingId = readMappingId(this, itemIndex);
	const { scheduleParams, deltaColumn } = readSchedule(this, itemIndex);
	const options = validated(this, itemIndex, () =>
		readCreateOptions(
			this.getNodeParameter('partialIngestion', itemIndex, false) as boolean,
			this.getNodeParameter('errorDiagnostics', itemIndex, true) as boolean,
			this.getNodeParameter('partialIngestionThreshold', itemIndex, DEFAULT_THRESHOLD),
		),
	);
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
		// Inferred: no create example of Adobe's carries `options`, nor does the OpenAPI's create body; sent
		// at the top level, where the flow's look-up and Adobe's PATCH of options have it (partial.md).
		options: optionsBody(options),
	};
	const outcome = await createOnce(
		this,
		item,
		reusableEntity(
			item,
			DATAFLOW,
			body,
			[],
			(existing) => {
				const source = (existing.sourceConnectionIds as string[] | undefined)?.[0];
				return source === sourceConnectionId ? undefined : `reads source connection ${String(source)}`;
			},
			(existing) => dataflowChanges(existing, body, options),
		),
	);
	return [{ ...DATAFLOW.output(outcome.item), ...outcomeFlags(outcome) }];
}
