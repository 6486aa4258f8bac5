/** Dataflow → Delete. */
import { deleteOperation, DATAFLOW } from '../flowEntities';

export const { option, description, execute } = deleteOperation(DATAFLOW);
