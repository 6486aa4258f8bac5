/**
 * Picks the operation, runs it once per input item (a few at once when Concurrency allows),
 * pairs every output item with its input item, and owns the per-item error contract.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runInOrder } from '../helpers/pool';
import { CREDENTIAL_TYPES, FlowServiceClient, FlowServiceError } from '../transport';
import type { Operation } from './common';
import * as connectionCreate from './connection/create.operation';
import * as connectionDelete from './connection/delete.operation';
import * as connectionGet from './connection/get.operation';
import * as connectionGetMany from './connection/getMany.operation';
import * as connectionTest from './connection/test.operation';
import * as connectionUpdate from './connection/update.operation';
import * as specGet from './connectionSpec/get.operation';
import * as specGetMany from './connectionSpec/getMany.operation';
import * as getTableSchema from './database/getTableSchema.operation';
import * as listTables from './database/listTables.operation';
import * as previewRows from './database/previewRows.operation';

export const operations = {
	connection: {
		create: connectionCreate,
		delete: connectionDelete,
		get: connectionGet,
		getMany: connectionGetMany,
		test: connectionTest,
		update: connectionUpdate,
	},
	database: { listTables, getTableSchema, previewRows },
	connectionSpec: { get: specGet, getMany: specGetMany },
} satisfies Record<string, Record<string, Operation>>;

export const DEFAULT_CONCURRENCY = 20;
export const MAX_CONCURRENCY = 50;

export interface RequestSettings {
	concurrency?: number;
	timeout?: number;
}

export function clientFor(context: IExecuteFunctions, maxConcurrency: number): FlowServiceClient {
	const authentication = context.getNodeParameter('authentication', 0, 'accessToken') as keyof typeof CREDENTIAL_TYPES;
	const settings = context.getNodeParameter('options', 0, {}) as RequestSettings;
	const timeoutSeconds = typeof settings.timeout === 'number' && settings.timeout > 0 ? settings.timeout : 60;
	return new FlowServiceClient(context, CREDENTIAL_TYPES[authentication] ?? CREDENTIAL_TYPES.accessToken, { timeoutMs: timeoutSeconds * 1000, maxConcurrency });
}

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
	const resource = this.getNodeParameter('resource', 0) as keyof typeof operations;
	const operation = this.getNodeParameter('operation', 0) as string;
	const op = (operations[resource] as Record<string, Operation> | undefined)?.[operation];
	if (!op) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);

	const settings = this.getNodeParameter('options', 0, {}) as RequestSettings;
	const concurrency = Math.min(MAX_CONCURRENCY, Math.max(1, Math.floor(settings.concurrency ?? DEFAULT_CONCURRENCY)));
	const client = clientFor(this, concurrency);
	const continueOnFail = this.continueOnFail();

	const perItem = await runInOrder(items.length, concurrency, async (itemIndex) => {
		try {
			const results = await op.execute.call(this, { itemIndex, client });
			return results.map((json): INodeExecutionData => ({ json, pairedItem: { item: itemIndex } }));
		} catch (error) {
			const nodeError = asNodeError(this, error, itemIndex);
			if (continueOnFail) return [errorItem(nodeError, itemIndex)];
			throw nodeError;
		}
	});
	return [perItem.flat()];
}
