/** Dataflow → Get Many, optionally only enabled or disabled ones. */
import { stateFilter } from '../shared/lists';
import { DATAFLOW } from '../shared/flowObjects';
import { getManyOperation } from '../shared/flowObjectOperations';

export const { option, description, execute, concurrent } = getManyOperation(DATAFLOW, [stateFilter('dataflows')], (filters) => (filters.state ? [`state==${String(filters.state)}`] : []));

export const readsOnly = true;
