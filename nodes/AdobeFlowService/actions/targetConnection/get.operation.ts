/** Target Connection → Get. */
import { getOperation, TARGET_CONNECTION } from '../flowEntities';

export const { option, description, execute } = getOperation(TARGET_CONNECTION);
