import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DATABASE_CREDENTIAL_SHOWN, nodeProperties, subtitle } from './actions/description';
import { route } from './actions/router';
import { credentialTest, listSearch, loadOptions, resourceMapping } from './methods';

export class AdobeFlowService implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Adobe Experience Platform Flow Service',
		name: 'adobeFlowService',
		icon: { light: 'file:adobeFlowService.svg', dark: 'file:adobeFlowService.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle,
		description: 'Connect databases to Adobe Experience Platform (AEP): connections, exploring tables, source and target connections, mappings, dataflows and their runs',
		defaults: { name: 'AEP Flow Service' },
		// The tool variant n8n makes (adobeFlowServiceTool) is described for an AI agent's user: safe by default.
		usableAsTool: {
			replacements: {
				description:
					'Let an AI agent explore the databases behind Adobe Experience Platform connections and read connections, dataflows, runs and their health; it changes the Platform only where Allow Changes is on',
			},
		},
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'flowServiceApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
			{ name: 'flowServiceServerToServerApi', required: true, displayOptions: { show: { authentication: ['serverToServer'] } } },
			// The source database's login, for Create and Update unless typed into the node: shown on one
			// hidden parameter, so that n8n's editor keeps Resource, Operation and Database Login in the panel.
			{ name: 'flowServiceDatabaseApi', required: true, testedBy: 'testDatabaseLogin', displayOptions: { show: { [DATABASE_CREDENTIAL_SHOWN]: [true] } } },
		],
		properties: nodeProperties,
	};

	methods = { listSearch, loadOptions, resourceMapping, credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
