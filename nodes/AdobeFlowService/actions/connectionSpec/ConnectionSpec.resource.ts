/** The Connection Spec resource: the connectors the Platform offers. */
import type { Resource } from '../shared/operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const resource = {
	value: 'connectionSpec',
	name: 'Connection Spec',
	description: 'A kind of source the Platform can connect to, with the login it asks for',
	defaultOperation: 'getMany',
	operations: { get, getMany },
} satisfies Resource;
