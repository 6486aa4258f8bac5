/** The Connection resource: its operations and its Operation selector. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as test from './test.operation';
import * as update from './update.operation';

export const operations = { create, delete: del, get, getMany, test, update };

export const description: INodeProperties[] = [operationSelector('connection', operations, 'create'), ...Object.values(operations).flatMap((o) => o.description)];
