/** Dataflow → Enable. */
import { stateOperation } from './state';

export const { option, description, execute } = stateOperation('enable');
