/** Target Connection → Delete. */
import { deleteOperation } from '../shared/flowObjectOperations';
import { TARGET_CONNECTION } from '../shared/flowObjects';

export const { option, description, execute } = deleteOperation(TARGET_CONNECTION);
