/** Dataflow → Delete. */
import { deleteOperation } from '../shared/flowObjectOperations';
import { DATAFLOW } from '../shared/flowObjects';

export const { option, description, execute } = deleteOperation(DATAFLOW);
