/** Run → Get Many: the runs of a dataflow, newest first (`GET /runs?property=flowId==…`). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemContext } from '../shared/operation';
import { forOperation } from '../shared/operation';
import { readLimit, returnAllOrLimit } from '../shared/lists';
import { DATAFLOW, entityLocator, readEntityId } from '../shared/flowObjects';
import { runOutput } from '../shared/runs';

/** A list: its items are not sent at once (no Concurrency option). */
export const concurrent = false;

export const option = { name: 'Get Many', value: 'getMany', action: 'Get many runs of a dataflow', description: 'List the runs of a dataflow, by its ID; returns one item per run with its status and record counts' };
export const readsOnly = true;

export const description = forOperation('run', 'getMany', [entityLocator(DATAFLOW, 'The dataflow whose runs to get'), ...returnAllOrLimit(['getMany'], 'run')]);

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const flowId = readEntityId(this, itemIndex, DATAFLOW);
	const limit = readLimit(this, itemIndex);
	const runs = await client.getPaged<IDataObject>('/runs', { property: [`flowId==${flowId}`], orderby: '-createdAt' }, { limit, itemIndex });
	return runs.map(runOutput);
}
