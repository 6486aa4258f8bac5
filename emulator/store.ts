/**
 * The connections the emulator holds, per org and sandbox. One function makes a connection
 * record — with the fields Adobe's GET examples show — for a create and for seeding alike.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import { secretParams } from './specs';

export const MASK = '**********';

export interface StoredConnection {
	id: string;
	name: string;
	description?: string;
	connectionSpec: { id: string; version: string };
	state: 'enabled' | 'disabled';
	auth: { specName: string; params: Record<string, string> };
	version: string;
	etag: string;
	createdAt: number;
	updatedAt: number;
	createdBy: string;
	createdClient: string;
	updatedBy: string;
	updatedClient: string;
	sandboxId: string;
	sandboxName: string;
	imsOrgId: string;
}

export interface Owner {
	org: string;
	sandbox: string;
	clientId: string;
}

/** An etag as the Platform writes it: a quoted string (`"\"e5012c89-0000-0200-0000-5eaa036b0000\""`). */
export function newEtag(): string {
	return `"${randomBytes(4).toString('hex')}-0000-0200-0000-${randomBytes(6).toString('hex')}"`;
}

/** How If-Match is compared: Adobe's examples send the etag quoted and unquoted; both are the same version. */
export function sameEtag(a: string, b: string): boolean {
	const bare = (etag: string) => etag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
	return bare(a) === bare(b);
}

export function makeConnection(
	owner: Owner,
	fields: Pick<StoredConnection, 'name' | 'connectionSpec' | 'auth'> & Partial<StoredConnection>,
	now: number,
): StoredConnection {
	const etag = newEtag();
	return {
		id: randomUUID(),
		state: 'enabled',
		version: etag,
		etag,
		createdAt: now,
		updatedAt: now,
		createdBy: `${owner.clientId}@AdobeID`,
		createdClient: owner.clientId,
		updatedBy: `${owner.clientId}@AdobeID`,
		updatedClient: owner.clientId,
		sandboxId: `${owner.sandbox}-sandbox-id`,
		sandboxName: owner.sandbox,
		imsOrgId: owner.org,
		...fields,
	};
}

/** A connection as a GET returns it: secret params masked (every param, for a spec the emulator does not know). */
export function publicView(connection: StoredConnection): StoredConnection {
	const secret = secretParams(connection.connectionSpec.id, connection.auth.specName) ?? Object.keys(connection.auth.params);
	const params = Object.fromEntries(Object.entries(connection.auth.params).map(([k, v]) => [k, secret.includes(k) ? MASK : v]));
	return { ...connection, auth: { ...connection.auth, params } };
}

export class ConnectionStore {
	private readonly buckets = new Map<string, Map<string, StoredConnection>>();
	readonly inUse = new Set<string>();
	/** Whether a dataflow's source connection uses a base connection (set by the dataflows). */
	usedByFlow: (org: string, sandbox: string, id: string) => boolean = () => false;

	bucket(org: string, sandbox: string): Map<string, StoredConnection> {
		const key = `${org}/${sandbox}`;
		let bucket = this.buckets.get(key);
		if (!bucket) this.buckets.set(key, (bucket = new Map()));
		return bucket;
	}

	put(connection: StoredConnection): void {
		this.bucket(connection.imsOrgId, connection.sandboxName).set(connection.id, connection);
	}

	clear(): void {
		this.buckets.clear();
		this.inUse.clear();
	}
}
