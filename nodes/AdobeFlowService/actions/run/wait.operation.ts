/**
 * Run → Wait for Run: polls the runs of a dataflow until the one asked for has finished, or the
 * timeout. A run that failed is an error with the Platform's reason (an error item with Continue On
 * Fail); one that succeeded is returned with its record counts.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readId } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { forOperation } from '../shared/operation';
import { validated } from '../shared/fieldErrors';
import { readTime } from '../dataflow/schedule';
import { DATAFLOW, entityLocator, readEntityId } from '../shared/flowObjects';
import { fetchRun, isFailure, readWaitSettings, runFailedError, runIdProperty, runOutput, waitForFinish, waitProperties } from '../shared/runs';

export const option = { name: 'Wait for Run', value: 'wait', action: 'Wait for a run of a dataflow to finish', description: 'Wait until a run of a dataflow finishes, by the dataflow ID; returns the run\'s status, record counts and errors, and fails if the run failed' };
export const readsOnly = true;

const properties: INodeProperties[] = [
	entityLocator(DATAFLOW, 'The dataflow whose run to wait for'),
	{
		displayName: 'Run',
		name: 'which',
		type: 'options',
		options: [
			{ name: 'Latest', value: 'latest', description: 'The newest run; if there is none yet, the first one' },
			{ name: 'First Started After', value: 'after', description: 'The first run started at or after a time' },
			{ name: 'By ID', value: 'id', description: 'One run, e.g. the one Run Now or Retry started' },
		],
		default: 'latest',
	},
	{ displayName: 'Started After', name: 'startedAfter', type: 'dateTime', default: '', description: 'Wait for the first run started at or after this time', displayOptions: { show: { which: ['after'] } } },
	{ ...runIdProperty, displayOptions: { show: { which: ['id'] } } },
	...waitProperties,
];

export const description = forOperation('run', 'wait', properties);

/** The run asked for, as the Platform has it now, or undefined while there is none. */
async function look(client: ItemContext['client'], flowId: string, which: string, since: number, runId: string, itemIndex: number): Promise<IDataObject | undefined> {
	if (which === 'id') return await fetchRun(client, runId, itemIndex);
	const property = [`flowId==${flowId}`];
	if (which === 'after') property.push(`metrics.durationSummary.startedAtUTC>=${since}`);
	const { body } = await client.request<{ items?: IDataObject[] }>({
		method: 'GET',
		path: '/runs',
		qs: { property, orderby: which === 'after' ? '+createdAt' : '-createdAt', limit: 1 },
		itemIndex,
	});
	return body?.items?.[0];
}

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const flowId = readEntityId(this, itemIndex, DATAFLOW);
	const which = this.getNodeParameter('which', itemIndex, 'latest') as string;
	const { since, runId } = validated(this, itemIndex, () => ({
		since: which === 'after' ? readTime('Started After', this.getNodeParameter('startedAfter', itemIndex, '')) * 1000 : 0,
		runId: which === 'id' ? readId('Run ID', this.getNodeParameter('runId', itemIndex, '')) : '',
	}));
	const { run, waitedMs } = await waitForFinish(this, async () => await look(client, flowId, which, since, runId, itemIndex), readWaitSettings(this, itemIndex), flowId, itemIndex);
	const output: IDataObject = { ...runOutput(run), waitedSeconds: Math.round(waitedMs / 100) / 10 };
	if (isFailure(output.status)) throw runFailedError(this, output, flowId, itemIndex);
	return [output];
}
