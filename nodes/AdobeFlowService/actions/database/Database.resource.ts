/** The Database resource: exploring the database behind a connection. */
import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as getTableSchema from './getTableSchema.operation';
import * as listTables from './listTables.operation';
import * as previewRows from './previewRows.operation';

export const operations = { getTableSchema, listTables, previewRows };

export const description: INodeProperties[] = [operationSelector('database', operations, 'listTables'), ...Object.values(operations).flatMap((o) => o.description)];
