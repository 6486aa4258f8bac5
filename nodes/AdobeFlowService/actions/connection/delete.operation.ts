/** Connection → Delete. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { FlowServiceError } from '../../transport';
import type { ItemContext } from '../common';
import { connectionLocator, forOperation, readConnectionId } from '../common';

export const description = forOperation('connection', 'delete', [connectionLocator('The connection to delete')]);

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const id = readConnectionId(this, itemIndex);
	const failure = await client.request({ method: 'DELETE', path: `/connections/${encodeURIComponent(id)}`, itemIndex }).then(
		() => undefined,
		(error: unknown) => error,
	);
	// A retried delete that meets 404: the first attempt did delete it.
	const alreadyGone = failure instanceof FlowServiceError && failure.failure.status === 404 && failure.attempts > 1;
	if (failure !== undefined && !alreadyGone) throw failure;
	return [{ deleted: true, id }];
}
