/** Dataflow → Get Many, optionally only enabled or disabled ones. */
import { DATAFLOW, getManyOperation } from '../flowEntities';

export const { option, description, execute } = getManyOperation(
	DATAFLOW,
	[
		{
			displayName: 'State',
			name: 'state',
			type: 'options',
			options: [
				{ name: 'Disabled', value: 'disabled' },
				{ name: 'Enabled', value: 'enabled' },
			],
			default: 'enabled',
			description: 'Only dataflows in this state',
		},
	],
	(filters) => (filters.state ? [`state==${String(filters.state)}`] : []),
);
