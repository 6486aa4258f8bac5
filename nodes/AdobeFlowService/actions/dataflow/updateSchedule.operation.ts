/**
 * Dataflow → Update Schedule: JSON Patch on `/scheduleParams/…` with `If-Match` the etag just read
 * (help/sources/tutorials/api/update-dataflows.md), as Dataflow → Update sends its own (dataflowPatch.ts).
 * Only the fields given change.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../helpers/validation';
import type { Changes } from '../shared/createOnce';
import type { ItemContext } from '../shared/operation';
import { fieldError } from '../shared/fieldErrors';
import { forOperation, updateFieldsCollection } from '../shared/operation';
import { DATAFLOW, entityLocator, readEntityId } from '../shared/flowObjects';
import { patchDataflow } from './dataflowPatch';
import type { Frequency } from './schedule';
import { frequencyProperty, intervalProperty, readInterval } from './schedule';

export const option = { name: 'Update Schedule', value: 'updateSchedule', action: 'Update the schedule of a dataflow', description: 'Change when a dataflow runs, by its ID: start time (ISO 8601), frequency and interval; returns the dataflow' };

const properties: INodeProperties[] = [
	entityLocator(DATAFLOW, 'The dataflow whose schedule to change'),
	updateFieldsCollection([frequencyProperty, intervalProperty]),
];

export const description = forOperation('dataflow', 'updateSchedule', properties);

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const id = readEntityId(this, itemIndex, DATAFLOW);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as { frequency?: Frequency; interval?: number };
	if (fields.frequency === undefined && fields.interval === undefined) {
		throw fieldError(this, new FieldError('Update Fields', 'are empty', 'Add Frequency or Interval'), itemIndex);
	}
	// The patch depends on the schedule the flow has now: built from each read (dataflowPatch.ts).
	const schedulePatch = (flow: IDataObject): Changes => {
		const current = (flow.scheduleParams ?? {}) as IDataObject;
		const frequency = fields.frequency ?? (String(current.frequency) as Frequency);
		const ops: IDataObject[] = [];
		if (fields.frequency !== undefined) ops.push({ op: 'replace', path: '/scheduleParams/frequency', value: fields.frequency });
		if (frequency === 'once') {
			if (fields.interval !== undefined) throw new FieldError('Interval', 'cannot be set for a dataflow that runs once');
			for (const member of ['interval', 'backfill']) if (current[member] !== undefined) ops.push({ op: 'remove', path: `/scheduleParams/${member}` });
		} else {
			const interval = readInterval(frequency, fields.interval ?? Number(current.interval ?? 1));
			ops.push({ op: current.interval === undefined ? 'add' : 'replace', path: '/scheduleParams/interval', value: interval });
		}
		return { ops, changes: ['schedule'] };
	};
	const { flow } = await patchDataflow(this, client, id, schedulePatch, itemIndex);
	return [DATAFLOW.output(flow)];
}
