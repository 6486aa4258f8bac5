/** Target Connection → Get. */
import { getOperation } from '../shared/flowObjectOperations';
import { TARGET_CONNECTION } from '../shared/flowObjects';

export const { option, description, execute } = getOperation(TARGET_CONNECTION);

export const readsOnly = true;
