/** The Connection Spec resource: the connectors the Platform offers. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations = { get, getMany };

export const description: INodeProperties[] = [operationSelector('connectionSpec', operations, 'getMany'), ...Object.values(operations).flatMap((o) => o.description)];
