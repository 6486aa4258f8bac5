/** Phoenix — Adobe's tutorial: help/sources/tutorials/api/create/databases/phoenix.md */
import { BETA } from './shared';
import type { ConnectorEntry } from './types';

export const phoenix: ConnectorEntry = {
	key: 'phoenix',
	displayName: 'Phoenix',
	summary: 'An Apache Phoenix server: host, port, HTTP path and login (beta at Adobe)',
	connectionSpecId: '102706fb-a5cd-42ee-afe0-bc42f017ff43',
	connectionSpecVersion: '1.0',
	beta: true,
	doc: 'phoenix.md',
	auths: [
		{
			key: 'basic',
			displayName: 'Basic Authentication',
			description: 'Host, port, HTTP path, login and SSL',
			specName: 'Basic Authentication',
			fields: ['host', 'port', 'httpPath', 'enableSsl', 'username', 'password'],
			defaults: { port: 8765, enableSsl: false },
			layout: {
				type: 'params',
				params: { host: 'host', username: 'username', password: 'password', port: { field: 'port', as: 'number' }, httpPath: 'httpPath', enableSsl: { field: 'enableSsl', as: 'boolean' } },
			},
		},
	],
	notice: `${BETA}. Adobe announced its deprecation for the end of May 2025, in favour of the Data Landing Zone.`,
};
