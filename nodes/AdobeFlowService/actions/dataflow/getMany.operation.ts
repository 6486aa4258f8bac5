/** Dataflow → Get Many, optionally only enabled or disabled ones. */
import { stateFilter } from '../common';
import { DATAFLOW, getManyOperation } from '../flowEntities';

export const { option, description, execute, concurrent } = getManyOperation(DATAFLOW, [stateFilter('dataflows')], (filters) => (filters.state ? [`state==${String(filters.state)}`] : []));
