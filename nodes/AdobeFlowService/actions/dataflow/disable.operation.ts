/** Dataflow → Disable. */
import { stateOperation } from './state';

export const { option, description, execute } = stateOperation('disable');
