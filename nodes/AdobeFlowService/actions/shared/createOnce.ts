/**
 * The one way every Create makes an object — connection, source connection, target connection,
 * mapping set, dataflow — so that running it again, or twice at once, leaves one object:
 *
 * 1. Look for objects with the same reuse key (a name and what it belongs to; a mapping set's schema
 *    and pairs). If It Exists decides what to do with one: reuse it, update it, or fail.
 * 2. Within one execution, items with the same key share one create: the first looks and creates,
 *    the others wait for its outcome and reuse what it made (its failure is theirs too).
 * 3. Across executions and workers the Platform has no idempotency key and no unique names, so after
 *    a create it looks again: when more than one object has the key, every racer picks the same
 *    winner (the oldest, then the smallest id), and a racer whose own object lost removes it (where
 *    the Platform can) and returns the winner, saying so.
 * 4. A create whose answer was lost is looked for, not sent again blindly (the transport's recovery).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { FieldError } from '../../helpers/validation';
import type { FlowServiceClient } from '../../transport';
import { FlowServiceError } from '../../transport';
import { fieldError } from './fieldErrors';
import type { ItemContext } from './operation';

export type IfExists = 'reuse' | 'update' | 'fail' | 'create';

export function readIfExists(context: IExecuteFunctions, itemIndex: number): IfExists {
	const options = context.getNodeParameter('options', itemIndex, {}) as { ifExists?: IfExists };
	return options.ifExists ?? 'reuse';
}

/** What Update It sends to an existing object: JSON Patch operations, and what each changes, in a user's words. */
export interface Changes {
	ops: IDataObject[];
	changes: string[];
}

/** How one kind of object is found, made, read, updated and removed. */
export interface Reusable {
	/** As a user reads it: `connection`, `mapping set`. */
	noun: string;
	/** What makes two objects the same one: items of an execution with equal keys share one create. */
	key: string;
	/** Every object the Platform lists now with this key (name and owner, or schema and pairs). */
	list(): Promise<IDataObject[]>;
	/** Sends the create; `recover` finds what a create whose answer was lost made. `item` is what was sent, with the answer's id and etag. */
	post(recover: () => Promise<IDataObject | undefined>): Promise<{ item: IDataObject; recovered: boolean }>;
	/** The object as the Platform reads it back. */
	read(id: string): Promise<IDataObject>;
	/** Deletes an object this create made that lost a race; absent where the Platform documents no delete. */
	remove?(id: string): Promise<void>;
	/** Why an object with the key cannot stand for this one (e.g. it reads another table). */
	conflict?(existing: IDataObject): string | undefined;
	/** Update It: brings the existing object to what the node asks, and says what changed. */
	update?(existing: IDataObject): Promise<{ item: IDataObject; changes: string[] }>;
	/** The error when the object exists and If It Exists is Fail (or the existing one conflicts). */
	taken(existing: IDataObject, difference?: string): FieldError;
}

export interface CreateOutcome {
	item: IDataObject;
	created: boolean;
	recovered: boolean;
	/** What If It Exists asked for, when the object existed. */
	ifExists?: IfExists;
	/** With Update It: what was changed (empty when the object already was as asked). */
	changes?: string[];
	/** This create's own object, which lost a race to `item`: removed, or left where it cannot be. */
	duplicate?: { id: string; removed: boolean };
}

/** How long a create waits for the Platform to list what it just made, before deciding a race without it. */
export const LISTING_WAIT_MS = 10_000;

/** When a Platform object was made, in epoch milliseconds (`createdAt` in Flow Service, `createdDate` in Data Prep). */
export function createdTime(item: IDataObject): number {
	const value = item.createdAt ?? item.createdDate;
	if (typeof value === 'number') return value;
	const parsed = typeof value === 'string' ? Date.parse(value) : NaN;
	return Number.isNaN(parsed) ? Number.MAX_SAFE_INTEGER : parsed;
}

/** The object every racer agrees on: the oldest, then the smallest id. */
export function winnerOf(items: IDataObject[]): IDataObject | undefined {
	return [...items].sort((a, b) => createdTime(a) - createdTime(b) || String(a.id).localeCompare(String(b.id)))[0];
}

export async function createOnce(context: IExecuteFunctions, { itemIndex, client, made }: ItemContext, kind: Reusable): Promise<CreateOutcome> {
	const ifExists = readIfExists(context, itemIndex);
	// Create Another: a new object on every item and every run, as asked; one request each.
	if (ifExists === 'create') return await createNew(client, kind, false);

	const earlier = made?.get(kind.key) as Promise<CreateOutcome> | undefined;
	if (earlier) {
		let first: CreateOutcome;
		try {
			first = await earlier;
		} catch (error) {
			throw sharedFailure(context, error, itemIndex, kind);
		}
		return await useExisting(context, itemIndex, kind, ifExists, first.item);
	}
	const outcome = (async () => {
		const listed = await kind.list();
		const usable = listed.filter((item) => !kind.conflict?.(item));
		const existing = winnerOf(usable) ?? winnerOf(listed);
		if (existing) return await useExisting(context, itemIndex, kind, ifExists, existing);
		return await createNew(client, kind, true);
	})();
	made?.set(kind.key, outcome);
	return await outcome;
}

async function useExisting(context: IExecuteFunctions, itemIndex: number, kind: Reusable, ifExists: IfExists, existing: IDataObject): Promise<CreateOutcome> {
	const difference = kind.conflict?.(existing);
	if (!difference && ifExists === 'reuse') return { item: existing, created: false, recovered: false, ifExists };
	if (!difference && ifExists === 'update') {
		const { item, changes } = kind.update ? await kind.update(existing) : { item: existing, changes: [] };
		return { item, created: false, recovered: false, ifExists, changes };
	}
	throw fieldError(context, kind.taken(existing, difference), itemIndex);
}

async function createNew(client: FlowServiceClient, kind: Reusable, settleRaces: boolean): Promise<CreateOutcome> {
	const since = Date.now();
	const { item: sent, recovered } = await kind.post(async () => {
		// What this create made, if anything: the newest object with the key made since it started.
		const recent = (await kind.list()).filter((item) => createdTime(item) >= since - 60_000);
		return recent.sort((a, b) => createdTime(b) - createdTime(a))[0];
	});
	// Create Another sends one request and reads nothing back: the Platform's times are not in its answer.
	if (!settleRaces) return { item: sent, created: true, recovered };
	const mine = String(sent.id);

	const listed = (await lookAgain(client, kind, mine)).filter((item) => !kind.conflict?.(item));
	const own = listed.find((item) => String(item.id) === mine) ?? (await kind.read(mine));
	const winner = winnerOf([own, ...listed.filter((item) => item !== own)]) ?? own;
	if (String(winner.id) === mine) return { item: own, created: true, recovered };
	// Another run made the same object at the same moment, and its object is the one every run keeps.
	// An object found after a lost answer may be another run's: only one known to be this create's is removed.
	const removable = !recovered && kind.remove !== undefined;
	if (removable) await kind.remove!(mine);
	return { item: winner, created: false, recovered, duplicate: { id: mine, removed: removable } };
}

/**
 * The objects with the key, once the Platform lists the one just made: where it takes a while to
 * show, a racer's may too, so the list is read once more after as long again.
 */
async function lookAgain(client: FlowServiceClient, kind: Reusable, mine: string): Promise<IDataObject[]> {
	const started = Date.now();
	let listed = await kind.list();
	for (let pause = 100; !listed.some((item) => String(item.id) === mine); pause = Math.min(pause * 2, 1000)) {
		if (Date.now() - started >= LISTING_WAIT_MS) return listed;
		await client.pause(pause);
		listed = await kind.list();
	}
	const took = Date.now() - started;
	if (took >= 100) {
		await client.pause(took);
		listed = await kind.list();
	}
	return listed;
}

/** An item that waited for an earlier item's create fails as it did, in its own name. */
function sharedFailure(context: IExecuteFunctions, error: unknown, itemIndex: number, kind: Reusable): Error {
	if (error instanceof FlowServiceError) return new FlowServiceError(context, error.failure, itemIndex);
	const message = error instanceof Error ? error.message.replace(/ \[item \d+\]$/, '') : String(error);
	const description = (error as { description?: string }).description ?? `An earlier item of this execution creates the same ${kind.noun}, and failed.`;
	return new NodeOperationError(context.getNode(), message, { itemIndex, description });
}

/** The usual error of a taken name. */
export function nameTaken(noun: string) {
	return (existing: IDataObject, difference?: string) =>
		new FieldError(
			'Name',
			`is already used by ${noun} ${String(existing.id)}${difference ? `, which ${difference}` : ''}`,
			difference ? 'Choose another name' : 'Choose another name, or set If It Exists to Reuse It or Update It',
		);
}

/** One JSON Patch of an existing Flow Service object, with the etag it was read with (`If-Match`). */
export async function patchExisting(client: FlowServiceClient, path: string, existing: IDataObject, ops: IDataObject[], itemIndex: number, secrets: string[] = []): Promise<void> {
	await client.request({
		method: 'PATCH',
		path: `${path}/${encodeURIComponent(String(existing.id))}`,
		headers: { 'If-Match': String(existing.etag ?? '') },
		body: ops,
		// If-Match makes a second send harmless: it meets a new etag and is refused (reported).
		idempotent: true,
		secrets,
		itemIndex,
	});
}

/** A description patch, where the node gives one the object does not have (`add`: it may have none). */
export function descriptionChange(existing: IDataObject, wanted: unknown): Changes {
	return typeof wanted === 'string' && wanted !== '' && existing.description !== wanted
		? { ops: [{ op: 'add', path: '/description', value: wanted }], changes: ['description'] }
		: { ops: [], changes: [] };
}

/**
 * The flags every Create adds to its output: `outcome` says in words what happened — created, reused
 * and left as it was (Reuse It), updated (Update It, with `changes`), already as asked, or made twice
 * at once by two runs and merged into the one every run keeps.
 */
export function outcomeFlags(outcome: CreateOutcome): IDataObject {
	const changes = outcome.changes ?? [];
	const said = outcome.created
		? 'created'
		: outcome.duplicate
			? 'reused: another run made it at the same moment'
			: changes.length > 0
				? `updated: ${changes.join(', ')}`
				: outcome.ifExists === 'update'
					? 'reused: already as asked'
					: 'reused: left as it was';
	return {
		created: outcome.created,
		reused: !outcome.created,
		updated: changes.length > 0,
		changes,
		outcome: said,
		recoveredAfterLostAnswer: outcome.recovered,
		mergedDuplicate: outcome.duplicate !== undefined,
		duplicateRemoved: outcome.duplicate?.removed ? outcome.duplicate.id : null,
		duplicateLeft: outcome.duplicate && !outcome.duplicate.removed ? outcome.duplicate.id : null,
	};
}
