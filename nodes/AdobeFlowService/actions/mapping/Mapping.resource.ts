/** The Mapping resource: Data Prep mapping sets from table columns to XDM schema fields. */
import type { Resource } from '../shared/operation';
import * as create from './create.operation';
import * as get from './get.operation';

export const resource = {
	value: 'mapping',
	name: 'Mapping',
	description: 'Which column of the table goes to which field of the dataset',
	defaultOperation: 'create',
	operations: { create, get },
} satisfies Resource;
