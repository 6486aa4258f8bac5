/** Snowflake Streaming — Adobe's tutorial: help/sources/tutorials/api/create/databases/snowflake-streaming.md */
import { BETA } from './shared';
import type { ConnectorEntry } from './types';

export const snowflakeStreaming: ConnectorEntry = {
	key: 'snowflakeStreaming',
	displayName: 'Snowflake Streaming',
	summary: 'Streams a Snowflake table to the Platform (beta at Adobe)',
	connectionSpecId: '51ae16c2-bdad-42fd-9fce-8d5dfddaf140',
	connectionSpecVersion: '1.0',
	beta: true,
	doc: 'snowflake-streaming.md',
	auths: [
		{
			key: 'basic',
			displayName: 'Basic Authentication',
			description: 'Account, database, warehouse, login, schema and role',
			specName: 'Basic Authentication for Snowflake',
			fields: ['account', 'database', 'warehouse', 'username', 'password', 'dbSchema', 'role'],
			optional: ['dbSchema', 'role'],
			hints: { account: 'Full account name, e.g. acme-xy12345.snowflakecomputing.com' },
			layout: {
				type: 'params',
				params: { account: 'account', database: 'database', warehouse: 'warehouse', username: 'username', password: 'password', schema: 'dbSchema', role: 'role' },
			},
		},
	],
	notice: `${BETA}. Its dataflows stream the table as it changes: Dataflow → Create here makes scheduled copies, which it does not take.`,
};
