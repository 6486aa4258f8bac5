/** What an operation and a resource are, what each operation's execute gets for one item, and how its fields are shown. */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { FlowServiceClient } from '../../transport';

/** What every operation's execute gets for one input item. */
export interface ItemContext {
	itemIndex: number;
	client: FlowServiceClient;
	/** What this execution's Creates have made or found, by reuse key (see createOnce.ts); absent outside an execution. */
	made?: Map<string, Promise<unknown>>;
}

export type OperationExecute = (this: IExecuteFunctions, item: ItemContext) => Promise<IDataObject[]>;

export interface Operation {
	/** Its entry in the resource's Operation selector. */
	option: INodePropertyOptions & { action: string };
	description: INodeProperties[];
	execute: OperationExecute;
	/** A Create that is safe to run again: it offers If It Exists (see createOnce.ts). */
	createsOnce?: boolean;
	/** False where the items' requests are not worth sending at once (a list): no Concurrency option. */
	concurrent?: boolean;
	/**
	 * True where the operation only reads (gets, lists, explores, health, explanations). Any other
	 * operation changes the Platform: an AI agent's tool may call it only with Allow Changes on.
	 */
	readsOnly?: boolean;
}

/** A resource: its entry in the Resource selector and its operations, each one file. */
export interface Resource {
	value: string;
	name: string;
	description: string;
	defaultOperation: string;
	operations: Record<string, Operation>;
}

/** Sets displayOptions for one operation on each of its properties. */
export function forOperation(resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { resource: [resource], operation: [operation], ...property.displayOptions?.show },
		},
	}));
}

/** An update's Update Fields: only the fields added to it are changed. */
export function updateFieldsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options };
}
