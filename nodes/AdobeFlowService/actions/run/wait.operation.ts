/**
 * Run → Wait for Run: polls the runs of a dataflow until the one asked for has finished, or the
 * timeout. A run that failed is an error with the Platform's reason (an error item with Continue On
 * Fail); one that succeeded is returned with its record counts.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readId } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { forOperation } from '../shared/operation';
import { validated } from '../shared/fieldErrors';
import { readTime } from '../dataflow/schedule';
import { sleepUnlessAborted } from '../../transport/clock';
import { DATAFLOW, entityLocator, readEntityId } from '../shared/flowObjects';
import { isFailure, isFinished, runIdProperty, runOutput } from '../shared/runs';

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
			{ name: 'By ID', value: 'id', description: 'One run, e.g. the one Run Now started' },
		],
		default: 'latest',
	},
	{ displayName: 'Started After', name: 'startedAfter', type: 'dateTime', default: '', description: 'Wait for the first run started at or after this time', displayOptions: { show: { which: ['after'] } } },
	{ ...runIdProperty, displayOptions: { show: { which: ['id'] } } },
	{
		displayName: 'Timeout (Seconds)',
		name: 'waitTimeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 3600,
		description: 'How long to wait before giving up with an error',
	},
	{
		displayName: 'Check Every (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'How long to wait between two looks at the run',
	},
];

export const description = forOperation('run', 'wait', properties);

/** The run asked for, as the Platform has it now, or undefined while there is none. */
async function look(client: ItemContext['client'], flowId: string, which: string, since: number, runId: string, itemIndex: number): Promise<IDataObject | undefined> {
	if (which === 'id') {
		const { body } = await client.request<{ items?: IDataObject[] }>({ method: 'GET', path: `/runs/${encodeURIComponent(runId)}`, itemIndex });
		return body?.items?.[0];
	}
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
	const { since, runId, timeoutMs, pollMs } = validated(this, itemIndex, () => ({
		since: which === 'after' ? readTime('Started After', this.getNodeParameter('startedAfter', itemIndex, '')) * 1000 : 0,
		runId: which === 'id' ? readId('Run ID', this.getNodeParameter('runId', itemIndex, '')) : '',
		timeoutMs: Math.max(1, Number(this.getNodeParameter('waitTimeout', itemIndex, 3600))) * 1000,
		pollMs: Math.max(1, Number(this.getNodeParameter('pollInterval', itemIndex, 30))) * 1000,
	}));
	const started = Date.now();
	const signal = this.getExecutionCancelSignal?.();
	let seen: IDataObject | undefined;
	for (;;) {
		seen = await look(client, flowId, which, since, runId, itemIndex);
		const status = ((seen?.metrics as IDataObject | undefined)?.statusSummary as IDataObject | undefined)?.status;
		if (seen && isFinished(status)) break;
		const waited = Date.now() - started;
		if (signal?.aborted) throw new NodeOperationError(this.getNode(), `The execution was cancelled while waiting for a run of dataflow ${flowId} [item ${itemIndex}]`, { itemIndex });
		if (waited >= timeoutMs) {
			const what = seen ? `run ${String(seen.id)} is still ${String(status ?? 'running')}` : 'no run has started';
			throw new NodeOperationError(this.getNode(), `No run of dataflow ${flowId} finished within ${Math.round(timeoutMs / 1000)} seconds: ${what} [item ${itemIndex}]`, {
				itemIndex,
				description: 'Raise Timeout (Seconds), or check the dataflow\'s schedule: a run starts only when the schedule comes due.',
			});
		}
		await sleepUnlessAborted(Math.min(pollMs, timeoutMs - waited), signal);
	}
	const output: IDataObject = { ...runOutput(seen as IDataObject), waitedSeconds: Math.round((Date.now() - started) / 100) / 10 };
	if (isFailure(output.status)) {
		const reasons = (output.errors as Array<{ code: unknown; message: unknown }>).map((e) => `${String(e.message)} (${String(e.code)})`).join('; ');
		throw new NodeOperationError(this.getNode(), `Run ${String(output.id)} of dataflow ${flowId} ${String(output.status)}: ${reasons || 'the Platform gave no reason'} [item ${itemIndex}]`, {
			itemIndex,
			description: `Input records: ${String(output.inputRecordCount)}, written: ${String(output.outputRecordCount)}, failed: ${String(output.failedRecordCount)}.`,
		});
	}
	return [output];
}
