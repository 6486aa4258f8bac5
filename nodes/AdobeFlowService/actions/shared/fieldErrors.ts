/** Errors that name the field and the item: what a user sees for bad input, before any request. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { FieldError } from '../../helpers/validation';

/** Throws a NodeOperationError naming the field and the item. */
export function fieldError(context: IExecuteFunctions, error: FieldError, itemIndex: number): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${error.field} ${error.problem} [item ${itemIndex}]`, {
		description: error.hint ? `${error.hint}.` : undefined,
		itemIndex,
	});
}

/** Runs a check that may throw FieldError and turns it into the node's error. */
export function validated<T>(context: IExecuteFunctions, itemIndex: number, check: () => T): T {
	try {
		return check();
	} catch (error) {
		throw error instanceof FieldError ? fieldError(context, error, itemIndex) : new NodeOperationError(context.getNode(), error as Error, { itemIndex });
	}
}
