/** Target Connection → Delete. */
import { deleteOperation, TARGET_CONNECTION } from '../flowEntities';

export const { option, description, execute } = deleteOperation(TARGET_CONNECTION);
