/** Connection → Create: builds the connector's `POST /connections` body and returns the new id and etag. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { OTHER_CONNECTOR } from '../../connectors';
import { buildConnection } from '../../helpers/connectionBody';
import { FieldError } from '../../helpers/validation';
import type { ItemContext } from '../common';
import { fieldError, forOperation, validated } from '../common';
import type { CreateOutcome } from '../flowEntities';
import { descriptionChange, outcomeFlags, patchExisting, readIfExists } from '../flowEntities';
import { connectorProperties, readConnectionInput, readConnector } from './connectorFields';
import { fetchConnection } from './get.operation';
import { findByNameAndSpec } from './lookup';
import type { PreparedConnection } from './otherConnector';
import { otherConnectorProperties, prepareOther } from './otherConnector';

export const option = { name: 'Create', value: 'create', action: 'Create a connection', description: 'Create a connection to a database' };

// The connector comes first, with its notices (a beta label) under it: it decides which fields follow.
// Other notices (typed logins are saved in the workflow) stay beside the field they are about.
const [connectorSelector, ...connectorRest] = connectorProperties();
const isConnectorNotice = (p: INodeProperties) => p.type === 'notice' && p.name.startsWith('notice_');
const notices = connectorRest.filter(isConnectorNotice);
const connectorFields = connectorRest.filter((p) => !isConnectorNotice(p));

const properties: INodeProperties[] = [
	connectorSelector,
	...notices,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Sales warehouse',
		description: 'Name of the new connection, as shown in the Platform',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'Description of the new connection',
	},
	...otherConnectorProperties,
	...connectorFields,
];

export const description = forOperation('connection', 'create', properties);

/**
 * Create's one output shape, whether it created, reused or updated: every key is there each time
 * (`description` null when there is none), so expressions written against one run hold on the next.
 */
function output(connector: PreparedConnection['connector'], found: IDataObject, outcome: CreateOutcome): IDataObject {
	return {
		id: String(found.id),
		etag: String(found.etag),
		name: String(found.name),
		description: typeof found.description === 'string' && found.description !== '' ? found.description : null,
		connector: connector.displayName,
		connectionSpecId: connector.connectionSpecId,
		connectionSpecVersion: connector.connectionSpecVersion,
		...outcomeFlags(outcome),
	};
}

/**
 * Update It on an existing connection: its login replaced with the one this node sends (the Platform
 * masks secrets, so a changed password cannot be seen: the login is always sent), and its description
 * where the node gives another. Refused when the connection was made with another auth method, whose
 * params these are not.
 */
async function updateExisting(context: IExecuteFunctions, item: ItemContext, existing: IDataObject, built: PreparedConnection['built']): Promise<IDataObject> {
	const made = (existing.auth as IDataObject | undefined)?.specName;
	const wanted = built.body.auth.specName;
	if (typeof made === 'string' && made !== wanted) {
		throw fieldError(
			context,
			new FieldError('Authentication', `is ${wanted}, but connection ${String(existing.id)} was made with ${made}`, `Choose ${made}, or set If It Exists to Create Another`),
			item.itemIndex,
		);
	}
	const description = descriptionChange(existing, built.body.description);
	const ops = [{ op: 'replace', path: '/auth/params', value: built.body.auth.params as unknown as IDataObject }, ...description.ops];
	await patchExisting(item.client, '/connections', existing, ops, item.itemIndex, built.secrets);
	return await fetchConnection(context, item, String(existing.id));
}

/** A connector of connectors.ts: its fields read and checked, its body built. */
async function prepareKnown(context: IExecuteFunctions, itemIndex: number): Promise<PreparedConnection> {
	const connector = readConnector(context, itemIndex);
	const input = await readConnectionInput(context, connector, itemIndex);
	return { built: validated(context, itemIndex, () => buildConnection(connector, input)), connector };
}

export async function execute(this: IExecuteFunctions, { itemIndex, client }: ItemContext): Promise<IDataObject[]> {
	const { built, connector } = this.getNodeParameter('connector', itemIndex) === OTHER_CONNECTOR ? await prepareOther(this, client, itemIndex) : await prepareKnown(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { dryRun?: boolean; ifExists?: string };

	if (options.dryRun) {
		return [{ dryRun: true, connector: connector.displayName, method: 'POST', path: '/connections', body: built.maskedBody as unknown as IDataObject }];
	}

	const ifExists = readIfExists(this, itemIndex);
	if (ifExists !== 'create') {
		const existing = await findByNameAndSpec(client, built.body.name, connector.connectionSpecId, itemIndex);
		if (existing && ifExists === 'reuse') {
			return [output(connector, existing, { item: existing, created: false, recovered: false, ifExists })];
		}
		if (existing && ifExists === 'update') {
			const changes = ['login', ...descriptionChange(existing, built.body.description).changes];
			const updated = await updateExisting(this, { itemIndex, client }, existing, built);
			return [output(connector, updated, { item: updated, created: false, recovered: false, ifExists, changes })];
		}
		if (existing) {
			throw fieldError(
				this,
				new FieldError('Name', `is already used by connection ${String(existing.id)} of the same connector`, 'Choose another name, or set If It Exists to Reuse It or Update It'),
				itemIndex,
			);
		}
	}
	const startedAt = Date.now();
	const { body, recovered } = await client.request<{ id: string; etag: string }>({
		method: 'POST',
		path: '/connections',
		body: built.body,
		idempotent: false,
		secrets: built.secrets,
		itemIndex,
		// A create whose answer was lost may have gone through: a connection of this name and connector made since is it.
		recovery: {
			lookup: async () => {
				const existing = await findByNameAndSpec(client, built.body.name, connector.connectionSpecId, itemIndex, startedAt);
				return existing && { id: String(existing.id), etag: String(existing.etag) };
			},
		},
	});
	const made = { ...built.body, id: body.id, etag: body.etag } as unknown as IDataObject;
	return [output(connector, made, { item: made, created: true, recovered })];
}
