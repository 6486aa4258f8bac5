/** Objects kept per org and sandbox, as the Platform keeps them: one sandbox never sees another's. */
import type { RequestContext } from '../gateway';
import { newEtag } from '../store';

/** What every Flow Service object the pipeline keeps carries: its version and who made it when. */
export interface Stamp {
	etag: string;
	version: string;
	createdAt: number;
	updatedAt: number;
	createdBy: string;
	updatedBy: string;
	createdClient: string;
	updatedClient: string;
	sandboxName: string;
	imsOrgId: string;
}

export function stamp(ctx: Pick<RequestContext, 'org' | 'sandbox' | 'clientId'>, now: number): Stamp {
	const etag = newEtag();
	return { etag, version: etag, createdAt: now, updatedAt: now, createdBy: `${ctx.clientId}@AdobeID`, updatedBy: `${ctx.clientId}@AdobeID`, createdClient: ctx.clientId, updatedClient: ctx.clientId, sandboxName: ctx.sandbox, imsOrgId: ctx.org };
}

export class Buckets<T extends { id: string }> {
	private readonly buckets = new Map<string, Map<string, T>>();

	/** `seed` fills a sandbox the first time it is used (the sample dataset and schema, for instance). */
	constructor(private readonly seed?: (org: string, sandbox: string) => T[]) {}

	bucket(org: string, sandbox: string): Map<string, T> {
		const key = `${org}/${sandbox}`;
		let bucket = this.buckets.get(key);
		if (!bucket) {
			bucket = new Map((this.seed?.(org, sandbox) ?? []).map((item) => [item.id, item]));
			this.buckets.set(key, bucket);
		}
		return bucket;
	}

	of(ctx: Pick<RequestContext, 'org' | 'sandbox'>): Map<string, T> {
		return this.bucket(ctx.org, ctx.sandbox);
	}

	all(ctx: Pick<RequestContext, 'org' | 'sandbox'>): T[] {
		return [...this.of(ctx).values()];
	}

	put(ctx: Pick<RequestContext, 'org' | 'sandbox'>, item: T): T {
		this.of(ctx).set(item.id, item);
		return item;
	}

	/** Every item of every org and sandbox, with where it is kept. */
	everywhere(): Array<{ org: string; sandbox: string; item: T }> {
		return [...this.buckets].flatMap(([key, bucket]) => {
			const at = key.lastIndexOf('/');
			return [...bucket.values()].map((item) => ({ org: key.slice(0, at), sandbox: key.slice(at + 1), item }));
		});
	}

	clear(): void {
		this.buckets.clear();
	}
}
