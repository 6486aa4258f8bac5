/** Dataflow → Get. */
import { getOperation, DATAFLOW } from '../flowEntities';

export const { option, description, execute } = getOperation(DATAFLOW);
