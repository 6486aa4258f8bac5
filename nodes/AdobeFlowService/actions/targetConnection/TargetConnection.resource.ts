/** The Target Connection resource: the dataset a dataflow writes to. */
import type { Resource } from '../shared/operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const resource = {
	value: 'targetConnection',
	name: 'Target Connection',
	description: 'A dataset, which a dataflow writes to',
	defaultOperation: 'create',
	operations: { create, delete: del, get, getMany },
} satisfies Resource;
