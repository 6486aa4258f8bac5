/** The Mapping resource: Data Prep mapping sets from table columns to XDM schema fields. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as create from './create.operation';
import * as get from './get.operation';

export const operations = { create, get };

export const description: INodeProperties[] = [operationSelector('mapping', operations, 'create'), ...Object.values(operations).flatMap((o) => o.description)];
