/** The Run resource: the runs of a dataflow, and waiting for one to finish. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as wait from './wait.operation';

export const operations = { get, getMany, wait };

export const description: INodeProperties[] = [operationSelector('run', operations, 'wait'), ...Object.values(operations).flatMap((o) => o.description)];
