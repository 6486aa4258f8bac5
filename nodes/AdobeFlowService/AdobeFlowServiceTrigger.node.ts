import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authentication } from './actions/shared/authentication';
import { RUN_EVENT_OPTIONS } from './actions/shared/runEvents';
import { searchDataflows } from './methods/listSearch';
import { pollRuns } from './trigger/pollRuns';

export class AdobeFlowServiceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Adobe Flow Service Trigger',
		name: 'adobeFlowServiceTrigger',
		icon: { light: 'file:adobeFlowService.svg', dark: 'file:adobeFlowService.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when a dataflow run of Adobe Experience Platform finishes: failed, succeeded with failed records, or succeeded',
		defaults: { name: 'AEP Flow Service Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Literal, as n8n's lint rules read it; the same two as the main node's.
		credentials: [
			{ name: 'flowServiceApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
			{ name: 'flowServiceServerToServerApi', required: true, displayOptions: { show: { authentication: ['serverToServer'] } } },
		],
		properties: [
			authentication,
			{
				displayName: 'Trigger On',
				name: 'events',
				type: 'multiOptions',
				options: RUN_EVENT_OPTIONS,
				default: ['runFailed'],
				required: true,
				description: 'Which finished runs start the workflow. Each run gives one item, once, when it has finished.',
			},
			{
				displayName: 'Dataflows',
				name: 'dataflows',
				type: 'options',
				options: [
					{ name: 'All Dataflows', value: 'all', description: 'Runs of every dataflow of the sandbox' },
					{ name: 'Chosen Dataflows', value: 'chosen', description: 'Runs of the dataflows picked from a list or given by ID' },
					{ name: 'Dataflow IDs', value: 'ids', description: 'Runs of the dataflows whose IDs are given as text' },
				],
				default: 'all',
			},
			{
				displayName: 'Chosen Dataflows',
				name: 'chosenDataflows',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Dataflow',
				default: {},
				displayOptions: { show: { dataflows: ['chosen'] } },
				options: [
					{
						displayName: 'Dataflow',
						name: 'dataflow',
						values: [
							{
								displayName: 'Dataflow',
								name: 'dataflow',
								type: 'resourceLocator',
								default: { mode: 'list', value: '' },
								required: true,
								description: 'A dataflow whose runs start the workflow',
								modes: [
									{
										displayName: 'From List',
										name: 'list',
										type: 'list',
										placeholder: 'Select a dataflow...',
										typeOptions: { searchListMethod: 'searchDataflows', searchable: true },
									},
									{
										displayName: 'By ID',
										name: 'id',
										type: 'string',
										placeholder: 'e.g. 2edc08ac-4df5-4fe6-936f-81a19ce92f5c',
									},
								],
							},
						],
					},
				],
			},
			{
				displayName: 'Dataflow IDs',
				name: 'dataflowIds',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. 2edc08ac-4df5-4fe6-936f-81a19ce92f5c, 9830305a-985f-47d0-b030-5a985fd7d004',
				description: 'The IDs of the dataflows, separated by commas',
				displayOptions: { show: { dataflows: ['ids'] } },
			},
		],
	};

	methods = { listSearch: { searchDataflows } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollRuns.call(this);
	}
}
