/** Enable and Disable: `POST /flows/{id}/action?op=…`, with the etag; a dataflow already in the state is left as it is. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemContext, Operation } from '../shared/operation';
import { forOperation } from '../shared/operation';
import { DATAFLOW, entityLocator, fetchEntity, readEntityId } from '../shared/flowObjects';

export function stateOperation(op: 'enable' | 'disable'): Operation {
	const wanted = op === 'enable' ? 'enabled' : 'disabled';
	const name = op === 'enable' ? 'Enable' : 'Disable';
	return {
		option: { name, value: op, action: `${name} a dataflow`, description: `${op === 'enable' ? 'Let a dataflow run on its schedule again' : 'Stop a dataflow from running until it is enabled'}, by its ID; returns the dataflow and whether its state changed` },
		description: forOperation('dataflow', op, [entityLocator(DATAFLOW, `The dataflow to ${op}`)]),
		execute: async function (this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
			const id = readEntityId(this, itemIndex, DATAFLOW);
			const flow = await fetchEntity(client, DATAFLOW, id, itemIndex);
			if (flow.state === wanted) return [{ ...DATAFLOW.output(flow), changed: false }];
			const { body } = await client.request<{ id?: string; etag?: string }>({
				method: 'POST',
				path: `/flows/${encodeURIComponent(id)}/action`,
				qs: { op },
				headers: typeof flow.etag === 'string' ? { 'If-Match': flow.etag } : {},
				itemIndex,
				// Sent again after a lost answer, it is refused (1422-400: already in that state): then the dataflow is looked at.
				idempotent: true,
				recovery: {
					resentStatuses: [400],
					lookup: async () => {
						const now = await fetchEntity(client, DATAFLOW, id, itemIndex);
						return now.state === wanted ? { id, etag: String(now.etag) } : undefined;
					},
				},
			});
			return [{ ...DATAFLOW.output({ ...flow, state: wanted, etag: body?.etag ?? flow.etag }), changed: true }];
		},
	};
}
