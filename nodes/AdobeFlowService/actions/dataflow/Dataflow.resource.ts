/** The Dataflow resource: a scheduled copy from a source connection through a mapping to a target connection. */
import type { Resource } from '../shared/operation';
import * as backfill from './backfill.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as disable from './disable.operation';
import * as enable from './enable.operation';
import * as get from './get.operation';
import * as getHealth from './getHealth.operation';
import * as getMany from './getMany.operation';
import * as runNow from './runNow.operation';
import * as update from './update.operation';
import * as updateSchedule from './updateSchedule.operation';

export const resource = {
	value: 'dataflow',
	name: 'Dataflow',
	description: 'A scheduled copy from a source connection to a target connection',
	defaultOperation: 'create',
	operations: { backfill, create, delete: del, disable, enable, get, getHealth, getMany, runNow, update, updateSchedule },
} satisfies Resource;
