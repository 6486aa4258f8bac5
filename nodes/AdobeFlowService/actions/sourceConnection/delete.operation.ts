/** Source Connection → Delete. */
import { deleteOperation } from '../shared/flowObjectOperations';
import { SOURCE_CONNECTION } from '../shared/flowObjects';

export const { option, description, execute } = deleteOperation(SOURCE_CONNECTION);
