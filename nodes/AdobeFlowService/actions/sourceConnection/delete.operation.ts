/** Source Connection → Delete. */
import { deleteOperation, SOURCE_CONNECTION } from '../flowEntities';

export const { option, description, execute } = deleteOperation(SOURCE_CONNECTION);
