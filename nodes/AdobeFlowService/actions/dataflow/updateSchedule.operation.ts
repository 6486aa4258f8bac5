/**
 * Dataflow → Update Schedule: JSON Patch on `/scheduleParams/…` with `If-Match` the etag just read
 * (help/sources/tutorials/api/update-dataflows.md). Only the fields given change.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { fieldError, validated } from '../shared/fieldErrors';
import { forOperation } from '../shared/operation';
import { DATAFLOW, entityLocator, fetchEntity, readEntityId } from '../shared/flowObjects';
import type { Frequency } from './schedule';
import { frequencyProperty, intervalProperty, readInterval } from './schedule';

export const option = { name: 'Update Schedule', value: 'updateSchedule', action: 'Update the schedule of a dataflow', description: 'Change when a dataflow runs, by its ID: start time (ISO 8601), frequency and interval; returns the dataflow' };

const properties: INodeProperties[] = [
	entityLocator(DATAFLOW, 'The dataflow whose schedule to change'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [frequencyProperty, intervalProperty],
	},
];

export const description = forOperation('dataflow', 'updateSchedule', properties);

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const id = readEntityId(this, itemIndex, DATAFLOW);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as { frequency?: Frequency; interval?: number };
	if (fields.frequency === undefined && fields.interval === undefined) {
		throw fieldError(this, new FieldError('Update Fields', 'are empty', 'Add Frequency or Interval'), itemIndex);
	}
	const flow = await fetchEntity(client, DATAFLOW, id, itemIndex);
	const current = (flow.scheduleParams ?? {}) as IDataObject;
	const frequency = fields.frequency ?? (String(current.frequency) as Frequency);
	const operations: IDataObject[] = [];
	if (fields.frequency !== undefined) operations.push({ op: 'replace', path: '/scheduleParams/frequency', value: fields.frequency });
	if (frequency === 'once') {
		if (fields.interval !== undefined) throw fieldError(this, new FieldError('Interval', 'cannot be set for a dataflow that runs once'), itemIndex);
		for (const member of ['interval', 'backfill']) if (current[member] !== undefined) operations.push({ op: 'remove', path: `/scheduleParams/${member}` });
	} else {
		const interval = validated(this, itemIndex, () => readInterval(frequency, fields.interval ?? Number(current.interval ?? 1)));
		operations.push({ op: current.interval === undefined ? 'add' : 'replace', path: '/scheduleParams/interval', value: interval });
	}
	await client.request({
		method: 'PATCH',
		path: `/flows/${encodeURIComponent(id)}`,
		body: operations,
		headers: { 'If-Match': String(flow.etag) },
		itemIndex,
	});
	return [DATAFLOW.output(await fetchEntity(client, DATAFLOW, id, itemIndex))];
}
