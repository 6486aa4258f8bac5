/** Connection → Create: builds the connector's `POST /connections` body and returns the new id and etag. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Connector } from '../../connectors';
import { OTHER_CONNECTOR } from '../../connectors';
import type { AuthInput, BuiltAuthParams } from '../../helpers/connectionBody';
import { buildAuthParams, buildConnection } from '../../helpers/connectionBody';
import { FieldError } from '../../helpers/validation';
import type { ItemContext } from '../shared/operation';
import { fieldError, validated } from '../shared/fieldErrors';
import { forOperation } from '../shared/operation';
import { isoTime } from '../shared/outputs';
import type { CreateOutcome, Reusable } from '../shared/createOnce';
import { createOnce, descriptionChange, nameTaken, outcomeFlags, patchExisting } from '../shared/createOnce';
import { connectorProperties, readConnectionInput, readConnector } from './connectorFields';
import { fetchConnection } from './get.operation';
import { listByNameAndSpec } from './findByName';
import type { PreparedConnection } from './otherConnector';
import { otherConnectorProperties, prepareOther } from './otherConnector';

/** Safe to run again: If It Exists, and one object per reuse key (createOnce.ts). */
export const createsOnce = true;

export const option = { name: 'Create', value: 'create', action: 'Create a connection', description: 'Create a connection to a database from its host, port, database and login, or reuse the one of the same name; returns its ID, connector and whether it was created or reused' };

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
		createdAt: isoTime(found.createdAt),
		updatedAt: isoTime(found.updatedAt),
		...outcomeFlags(outcome),
	};
}

/**
 * A connection for createOnce: found by its name and connector, made by `POST /connections`, removed
 * by DELETE. Update It replaces its login with the one this node sends (the Platform masks secrets,
 * so a changed password cannot be seen: the login is always sent), and its description where the
 * node gives another; it refuses a connection made with another auth method, whose params these are
 * not (Reuse It returns it as it is).
 */
function reusableConnection(context: IExecuteFunctions, item: ItemContext, { built, connector }: PreparedConnection): Reusable {
	const { itemIndex, client } = item;
	const { name } = built.body;
	return {
		noun: 'connection',
		key: JSON.stringify(['/connections', connector.connectionSpecId, name]),
		list: async () => await listByNameAndSpec(client, name, connector.connectionSpecId, itemIndex),
		post: async (recover) => {
			const { body, recovered } = await client.request<{ id: string; etag?: string }>({
				method: 'POST',
				path: '/connections',
				body: built.body,
				idempotent: false,
				secrets: built.secrets,
				itemIndex,
				recovery: { lookup: async () => (await recover()) as { id: string } | undefined },
			});
			return { item: { ...built.body, id: body.id, etag: body.etag } as unknown as IDataObject, recovered };
		},
		read: async (id) => await fetchConnection(context, item, id),
		remove: async (id) => {
			await client.request({ method: 'DELETE', path: `/connections/${encodeURIComponent(id)}`, itemIndex, recovery: { resentStatuses: [404], lookup: async () => ({}) } });
		},
		update: async (existing) => {
			const made = (existing.auth as IDataObject | undefined)?.specName;
			const wanted = built.body.auth.specName;
			if (typeof made === 'string' && made !== wanted) {
				throw fieldError(context, new FieldError('Authentication', `is ${wanted}, but connection ${String(existing.id)} was made with ${made}`, `Choose ${made}, or set If It Exists to Create Another`), itemIndex);
			}
			const description = descriptionChange(existing, built.body.description);
			const ops = [{ op: 'replace', path: '/auth/params', value: built.body.auth.params as unknown as IDataObject }, ...description.ops];
			await patchExisting(client, '/connections', existing, ops, itemIndex, built.secrets);
			return { item: await fetchConnection(context, item, String(existing.id)), changes: ['login', ...description.changes] };
		},
		taken: nameTaken('connection'),
	};
}

/**
 * The login of the execution's last item, built: most executions give every item the same login, and
 * building it (reading each field, writing the connection string twice, masked and not) was among the
 * largest costs of the node's own code per item in a CPU profile. Kept per execution, so no secret
 * outlives it.
 */
const lastLogin = new WeakMap<IExecuteFunctions, { key: string; auth: BuiltAuthParams }>();

function loginParams(context: IExecuteFunctions, connector: Connector, input: AuthInput): BuiltAuthParams {
	const key = JSON.stringify([connector.key, connector.authKey, input.values, input.connectionString ?? null, input.fromCredential === true]);
	const last = lastLogin.get(context);
	if (last?.key === key) return last.auth;
	const auth = buildAuthParams(connector, input);
	lastLogin.set(context, { key, auth });
	return auth;
}

/** A connector of connectors/: its fields read and checked, its body built. */
async function prepareKnown(context: IExecuteFunctions, itemIndex: number): Promise<PreparedConnection> {
	const connector = readConnector(context, itemIndex);
	const input = await readConnectionInput(context, connector, itemIndex);
	return { built: validated(context, itemIndex, () => buildConnection(connector, input, loginParams(context, connector, input))), connector };
}

export async function execute(this: IExecuteFunctions, item: ItemContext): Promise<IDataObject[]> {
	const { itemIndex, client } = item;
	const { built, connector } = this.getNodeParameter('connector', itemIndex) === OTHER_CONNECTOR ? await prepareOther(this, client, itemIndex) : await prepareKnown(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { dryRun?: boolean; ifExists?: string };

	if (options.dryRun) {
		return [{ dryRun: true, connector: connector.displayName, method: 'POST', path: '/connections', body: built.maskedBody as unknown as IDataObject }];
	}

	const prepared = { built, connector };
	const outcome = await createOnce(this, { itemIndex, client, made: item.made }, reusableConnection(this, item, prepared));
	return [output(connector, outcome.item, outcome)];
}
