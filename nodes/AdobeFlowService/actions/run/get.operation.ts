/** Run → Get: one run by id. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { forOperation } from '../shared/operation';
import { validated } from '../shared/fieldErrors';
import { fetchRun, runIdProperty, runOutput } from '../shared/runs';

export const option = { name: 'Get', value: 'get', action: 'Get a run', description: 'Get a run of a dataflow by its run ID; returns its status, record counts, times and errors' };
export const readsOnly = true;

export const description = forOperation('run', 'get', [runIdProperty]);

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const id = validated(this, itemIndex, () => readId('Run ID', this.getNodeParameter('runId', itemIndex, '')));
	return [runOutput(await fetchRun(client, id, itemIndex))];
}
