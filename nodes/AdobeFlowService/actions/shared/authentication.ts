/**
 * The Authentication choice both nodes offer. Their `credentials` lists (one Platform credential per
 * choice) stay literal in each node file, where n8n's lint rules read them.
 */
import type { INodeProperties } from 'n8n-workflow';

export const authentication: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Access Token', value: 'accessToken' },
		{ name: 'OAuth Server-to-Server', value: 'serverToServer' },
	],
	default: 'accessToken',
};
