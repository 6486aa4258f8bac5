/** The Dataflow resource: a scheduled copy from a source connection through a mapping to a target connection. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as disable from './disable.operation';
import * as enable from './enable.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as runNow from './runNow.operation';
import * as updateSchedule from './updateSchedule.operation';

export const operations = { create, delete: del, disable, enable, get, getMany, runNow, updateSchedule };

export const description: INodeProperties[] = [operationSelector('dataflow', operations, 'create'), ...Object.values(operations).flatMap((o) => o.description)];
