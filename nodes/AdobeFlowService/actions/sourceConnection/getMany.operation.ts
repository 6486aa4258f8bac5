/** Source Connection → Get Many, optionally those of one base connection. */
import { readId } from '../../helpers/validation';
import { getManyOperation } from '../shared/flowObjectOperations';
import { SOURCE_CONNECTION } from '../shared/flowObjects';

export const { option, description, execute, concurrent } = getManyOperation(
	SOURCE_CONNECTION,
	[{ displayName: 'Base Connection ID', name: 'baseConnectionId', type: 'string', default: '', description: 'Only source connections of this base connection' }],
	(filters) => (filters.baseConnectionId ? [`baseConnectionId==${readId('Base Connection ID', filters.baseConnectionId)}`] : []),
);

export const readsOnly = true;
