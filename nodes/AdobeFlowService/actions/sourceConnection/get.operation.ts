/** Source Connection → Get. */
import { getOperation, SOURCE_CONNECTION } from '../flowEntities';

export const { option, description, execute } = getOperation(SOURCE_CONNECTION);
