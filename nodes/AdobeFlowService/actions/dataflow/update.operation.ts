/**
 * Dataflow → Update: the name, description, error diagnostics, partial ingestion and mapping of an
 * existing dataflow, as one JSON Patch with `If-Match` the etag just read (update-dataflows.md,
 * help/ingestion/batch-ingestion/partial.md). Options are merged into those the flow has and written
 * whole (`add /options` replaces the object); the mapping is replaced at the index of the flow's own
 * Mapping. Only what differs is sent; nothing to change sends no PATCH. A stale etag (someone changed
 * the flow in between) reads it again and tries once more (dataflowPatch.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError, LIMITS, readText } from '../../helpers/validation';
import { fetchMappingSet, mappingIdProperty, readMappingId } from '../mapping/mappingSets';
import { validated } from '../shared/fieldErrors';
import { DATAFLOW, entityLocator, readEntityId } from '../shared/flowObjects';
import type { ItemContext } from '../shared/operation';
import { forOperation, updateFieldsCollection } from '../shared/operation';
import { mappingChange, patchDataflow, textChanges, together } from './dataflowPatch';
import { errorDiagnosticsProperty, optionsChange, partialIngestionProperty, readUpdateOptions, thresholdProperty } from './ingestionOptions';

export const option = {
	name: 'Update',
	value: 'update',
	action: 'Update a dataflow',
	description: 'Change a dataflow, by its ID: its name, description, mapping (a mapping set ID and version), error diagnostics and partial ingestion; returns the dataflow and the changes made',
};

// In a collection it is there only when added: required then, by readMappingId.
const mappingLocator: INodeProperties = { ...mappingIdProperty };
delete mappingLocator.required;

const properties: INodeProperties[] = [
	entityLocator(DATAFLOW, 'The dataflow to update'),
	updateFieldsCollection([
		{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'New description of the dataflow' },
		{ ...errorDiagnosticsProperty, hint: 'Turned on with Partial Ingestion, as in the Platform' },
		{ ...mappingLocator, hint: "From List shows only the mappings to the dataset's schema of the dataflow picked above: the Platform takes no other" },
		{
			displayName: 'Mapping Version',
			name: 'mappingVersion',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: "The version of the mapping set to use (0 for a set never changed). Without it, the set's current version; without Mapping, the dataflow's own set.",
		},
		{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New name of the dataflow' },
		{ ...partialIngestionProperty, default: true },
		{ ...thresholdProperty, hint: 'Given alone, turns Partial Ingestion on at this threshold' },
	]),
];

export const description = forOperation('dataflow', 'update', properties);

interface Wanted {
	name?: string;
	description?: string;
	mappingId?: string;
	mappingVersion?: number;
}

/** Every field checked before any request. */
function readWanted(context: IExecuteFunctions, itemIndex: number, fields: IDataObject): Wanted {
	const wanted: Wanted = {};
	validated(context, itemIndex, () => {
		if (fields.name !== undefined) wanted.name = readText('Name', fields.name, { max: LIMITS.name });
		if (fields.description !== undefined) wanted.description = readText('Description', fields.description, { required: false, max: LIMITS.description });
		if (fields.mappingVersion !== undefined) {
			const version = fields.mappingVersion;
			if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
				throw new FieldError('Mapping Version', 'must be a whole number of 0 or more', 'Mapping → Get shows the version of a mapping set');
			}
			wanted.mappingVersion = version;
		}
	});
	if (fields.mappingId !== undefined) wanted.mappingId = readMappingId(context, itemIndex, 'updateFields.mappingId');
	return wanted;
}

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const id = readEntityId(this, itemIndex, DATAFLOW);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const wanted = readWanted(this, itemIndex, fields);
	const options = validated(this, itemIndex, () => readUpdateOptions(fields));
	// A new mapping set without a version: its current one, as Data Prep has it.
	const mappingVersion =
		wanted.mappingVersion ?? (wanted.mappingId === undefined ? undefined : Number((await fetchMappingSet(client, wanted.mappingId, itemIndex)).version ?? 0));
	const { flow, changes } = await patchDataflow(
		this,
		client,
		id,
		(current) =>
			together(
				textChanges(current, wanted),
				optionsChange(current, options),
				mappingVersion === undefined ? { ops: [], changes: [] } : mappingChange(current, wanted.mappingId, mappingVersion),
			),
		itemIndex,
	);
	return [{ ...DATAFLOW.output(flow), changes }];
}
