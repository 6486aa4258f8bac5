/**
 * Picks the operation, runs it once per input item (a few at once when Concurrency allows),
 * pairs every output item with its input item, and owns the per-item error contract.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runInOrder } from '../helpers/pool';
import { credentialTypeFor, FlowServiceClient, FlowServiceError } from '../transport';
import { findOperation } from './registry';
import { binaryOf } from './shared/binaryData';
import { readSettings, withFixedParametersOnce } from './shared/settings';
import { dryRunClient, DryRunStop, toolGuard } from './shared/toolMode';

function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof FlowServiceError) {
		json.httpCode = error.failure.status ?? null;
		json.platformCode = error.failure.code ?? null;
		json.requestId = error.failure.requestId ?? null;
	}
	return { json, error, pairedItem: { item: itemIndex } };
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const op = findOperation(resource, operation);
	if (!op) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	// As an agent's tool: a change is refused here, before any request, unless Allow Changes is on;
	// under Continue On Fail as one error item per input item, so that the agent reads why.
	const { dryRun, refused } = toolGuard(this, op, resource, operation);
	if (refused && !this.continueOnFail()) throw refused;
	if (refused) return [items.map((_, itemIndex) => errorItem(refused, itemIndex))];

	const { concurrency, startConcurrency, timeoutMs } = readSettings(this);
	const platform = new FlowServiceClient(this, credentialTypeFor(this.getNodeParameter('authentication', 0, 'accessToken')), { timeoutMs, maxConcurrency: concurrency, startConcurrency });
	const client = dryRun ? dryRunClient(platform) : platform;
	const continueOnFail = this.continueOnFail();
	const context = withFixedParametersOnce(this);
	// Items of this execution that would create the same object share one create (createOnce.ts); in a dry run each item shows its own.
	const made = dryRun ? undefined : new Map<string, Promise<unknown>>();

	const perItem = await runInOrder(items.length, concurrency, async (itemIndex) => {
		try {
			const results = await op.execute.call(context, { itemIndex, client, made });
			return results.map((json): INodeExecutionData => ({ json, pairedItem: { item: itemIndex }, ...binaryOf(json) }));
		} catch (error) {
			if (error instanceof DryRunStop) return [{ json: error.wouldSend, pairedItem: { item: itemIndex } }];
			const nodeError = asNodeError(this, error, itemIndex);
			if (continueOnFail) return [errorItem(nodeError, itemIndex)];
			throw nodeError;
		}
	});
	return [perItem.flat()];
}
