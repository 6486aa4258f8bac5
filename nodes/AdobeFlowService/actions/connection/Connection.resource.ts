/** The Connection resource: its operations, each one file, listed once. */
import type { Resource } from '../shared/operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as test from './test.operation';
import * as update from './update.operation';

export const resource = {
	value: 'connection',
	name: 'Connection',
	description: 'A connection to a database: where it is and how the Platform signs in',
	defaultOperation: 'create',
	operations: { create, delete: del, get, getMany, test, update },
} satisfies Resource;
