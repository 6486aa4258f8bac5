/** Target Connection → Get Many, optionally those writing to one dataset. */
import { FieldError, readText } from '../../helpers/validation';
import { getManyOperation } from '../shared/flowObjectOperations';
import { TARGET_CONNECTION } from '../shared/flowObjects';
import { DATASET_ID } from '../shared/locators';

export const { option, description, execute, concurrent } = getManyOperation(
	TARGET_CONNECTION,
	[{ displayName: 'Dataset ID', name: 'dataSetId', type: 'string', default: '', description: 'Only target connections writing to this dataset' }],
	(filters) => {
		const id = readText('Dataset ID', filters.dataSetId, { required: false });
		if (!id) return [];
		if (!new RegExp(`^${DATASET_ID}$`).test(id)) throw new FieldError('Dataset ID', 'is not a valid dataset ID', 'A dataset ID is 24 hexadecimal characters');
		return [`params.dataSetId==${id}`];
	},
);

export const readsOnly = true;
