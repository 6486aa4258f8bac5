/** The Database resource: exploring the database behind a connection. */
import type { Resource } from '../shared/operation';
import * as getTableSchema from './getTableSchema.operation';
import * as listTables from './listTables.operation';
import * as previewRows from './previewRows.operation';

export const resource = {
	value: 'database',
	name: 'Database',
	description: 'Tables, columns and rows behind a connection',
	defaultOperation: 'listTables',
	operations: { getTableSchema, listTables, previewRows },
} satisfies Resource;
