/** Source Connection → Get. */
import { getOperation } from '../shared/flowObjectOperations';
import { SOURCE_CONNECTION } from '../shared/flowObjects';

export const { option, description, execute } = getOperation(SOURCE_CONNECTION);

export const readsOnly = true;
