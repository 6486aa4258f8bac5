/**
 * JSON Patch (RFC 6902) as strictly as the RFC and Adobe's catalog ask, for every object the
 * emulator lets a client PATCH: `replace` and `remove` need an existing member (1455-400), `add` on
 * an existing object member replaces it whole and on an array index inserts, and only the paths an
 * object lets a client change are accepted (1365-400). The operations are applied to a copy: the
 * first bad one throws, leaving the object as it was.
 *
 * Connections: Adobe's update tutorial (help/sources/tutorials/api/update.md) patches `/name` with
 * replace, `/description` with add and `/auth/params` with replace. Dataflows: see pipeline/flows.ts.
 */
import type { HttpError } from './errors';
import { flowError } from './errors';
import type { StoredConnection } from './store';

interface Operation {
	op?: unknown;
	path?: unknown;
	value?: unknown;
}

/** A member (or family of members) a patch may touch. */
export interface PatchablePath {
	pattern: RegExp;
	/** Whether `remove` is accepted on it. */
	removable: boolean;
	/** Whether a value fits it. */
	accepts(value: unknown): boolean;
}

export interface PatchRules {
	paths: PatchablePath[];
	/** Ops compared in any case (the OpenAPI's enum is upper case, the tutorials write lower case). */
	anyCase?: boolean;
	/** A refusal of the object's own, checked before the path is looked up (a connection's spec). */
	refusePath?(path: string): HttpError | undefined;
	/** A check of the object's own on an `add` or `replace`, against the member it changes (undefined when absent). */
	checkValue?(path: string, value: unknown, current: unknown, op: 'add' | 'replace'): HttpError | undefined;
}

const SUPPORTED = ['add', 'replace', 'remove'];

/** The reference tokens of a JSON Pointer (RFC 6901). */
function tokens(path: string): string[] {
	return path
		.split('/')
		.slice(1)
		.map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

function parentOf(document: unknown, parts: string[]): Container | undefined {
	let node: unknown = document;
	for (const part of parts.slice(0, -1)) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Record<string, unknown>)[part];
	}
	return node !== null && typeof node === 'object' ? (node as Container) : undefined;
}

/** An array index as RFC 6901 writes one: digits without a leading zero (`-` past the end, for add). */
const arrayIndex = (token: string, length: number, forAdd: boolean) => (forAdd && token === '-' ? length : /^(0|[1-9]\d*)$/.test(token) ? Number(token) : NaN);

export function applyJsonPatch<T>(document: T, operations: unknown, rules: PatchRules, requestId: string): T {
	if (!Array.isArray(operations) || operations.length === 0) {
		throw flowError('emptyBody', 'The request body cannot be null or empty. Please provide a request body and try again.', requestId);
	}
	const next = structuredClone(document);
	for (const operation of operations as Operation[]) {
		const op = rules.anyCase ? String(operation?.op).toLowerCase() : String(operation?.op);
		const path = String(operation?.path);
		if (!SUPPORTED.includes(op)) {
			throw flowError('unsupportedPatchOp', `Unsupported operation '${String(operation?.op)}' received. Please use one of the supported operation types and try again.`, requestId);
		}
		const refused = rules.refusePath?.(path);
		if (refused) throw refused;
		const rule = rules.paths.find((p) => p.pattern.test(path));
		if (!rule || (op === 'remove' && !rule.removable)) {
			throw flowError('invalidPatchPath', `The path ${path} provided in ops is invalid. Please provide valid path ${path} and try again.`, requestId);
		}
		const parts = tokens(path);
		const last = parts[parts.length - 1];
		const parent = parentOf(next, parts);
		const missing = () => flowError('patchMissingField', `An error has occurred while validating patch instructions: Missing field "${path.slice(1)}".`, requestId);
		if (!parent) throw missing();
		const index = Array.isArray(parent) ? arrayIndex(last, parent.length, op === 'add') : NaN;
		const exists = Array.isArray(parent) ? index < parent.length : (parent as Record<string, unknown>)[last] !== undefined;
		if (Array.isArray(parent) && (Number.isNaN(index) || index > parent.length)) throw missing();
		if ((op === 'replace' || op === 'remove') && !exists) throw missing();
		if (op === 'remove') {
			if (Array.isArray(parent)) parent.splice(index, 1);
			else delete (parent as Record<string, unknown>)[last];
			continue;
		}
		if (!rule.accepts(operation.value)) {
			throw flowError('invalidParamValue', `The provided param value is not a valid input for property=${path.slice(1)}. Please provide a valid param value and try again.`, requestId);
		}
		const current = Array.isArray(parent) ? (op === 'replace' ? parent[index] : undefined) : (parent as Record<string, unknown>)[last];
		const problem = rules.checkValue?.(path, operation.value, current, op as 'add' | 'replace');
		if (problem) throw problem;
		const value = structuredClone(operation.value);
		if (Array.isArray(parent) && op === 'add') parent.splice(index, 0, value);
		else if (Array.isArray(parent)) parent[index] = value;
		else (parent as Record<string, unknown>)[last] = value;
	}
	return next;
}

const isText = (value: unknown) => typeof value === 'string';
const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Members a connection patch may touch. */
const CONNECTION_PATHS: PatchablePath[] = [
	{ pattern: /^\/name$/, removable: false, accepts: (value) => isText(value) && (value as string).trim() !== '' },
	{ pattern: /^\/description$/, removable: true, accepts: isText },
	{ pattern: /^\/auth\/params$/, removable: false, accepts: isObject },
	{ pattern: /^\/state$/, removable: true, accepts: (value) => value === 'enabled' || value === 'disabled' },
];

/**
 * A connection patched: `validateParams` checks new auth params against the auth spec (1304-400);
 * the connection spec cannot change (1414-400).
 */
export function applyPatch(
	connection: StoredConnection,
	operations: unknown,
	requestId: string,
	validateParams: (params: Record<string, unknown>) => string | undefined,
): StoredConnection {
	return applyJsonPatch(connection, operations, {
		paths: CONNECTION_PATHS,
		refusePath: (path) => (path.startsWith('/connectionSpec') ? flowError('specChange', 'The connection spec of a connection cannot be updated.', requestId) : undefined),
		checkValue: (path, value) => {
			const problem = path === '/auth/params' ? validateParams(value as Record<string, unknown>) : undefined;
			return problem ? flowError('mandatoryField', problem, requestId) : undefined;
		},
	}, requestId);
}
