/** The Source Connection resource: a table of a base connection, which a dataflow reads. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations = { create, delete: del, get, getMany };

export const description: INodeProperties[] = [operationSelector('sourceConnection', operations, 'create'), ...Object.values(operations).flatMap((o) => o.description)];
