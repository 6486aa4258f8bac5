/** The Source Connection resource: a table of a base connection, which a dataflow reads. */
import type { Resource } from '../shared/operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const resource = {
	value: 'sourceConnection',
	name: 'Source Connection',
	description: 'A table of a connection, which a dataflow reads',
	defaultOperation: 'create',
	operations: { create, delete: del, get, getMany },
} satisfies Resource;
