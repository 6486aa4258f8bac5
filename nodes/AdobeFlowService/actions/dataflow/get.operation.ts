/** Dataflow → Get. */
import { getOperation } from '../shared/flowObjectOperations';
import { DATAFLOW } from '../shared/flowObjects';

export const { option, description, execute } = getOperation(DATAFLOW);

export const readsOnly = true;
