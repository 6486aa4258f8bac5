/**
 * JSON Patch (RFC 6902) on a connection, as strictly as the RFC and Adobe's catalog ask:
 * `replace` and `remove` need an existing member (1455-400), `add` on an existing member replaces
 * it, and only the paths a connection lets a client change are accepted (1365-400).
 * Adobe's update tutorial (help/sources/tutorials/api/update.md) patches `/name` with replace,
 * `/description` with add and `/auth/params` with replace.
 */
import { flowError } from './errors';
import type { StoredConnection } from './store';

interface Operation {
	op?: unknown;
	path?: unknown;
	value?: unknown;
}

const SUPPORTED = ['add', 'replace', 'remove'];

/** Members a patch may touch, with a check of the value it may take. */
const PATHS: Record<string, (value: unknown) => boolean> = {
	'/name': (value) => typeof value === 'string' && value.trim() !== '',
	'/description': (value) => typeof value === 'string',
	'/auth/params': (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
	'/state': (value) => value === 'enabled' || value === 'disabled',
};

function read(target: StoredConnection, path: string): unknown {
	return path === '/auth/params' ? target.auth.params : (target as unknown as Record<string, unknown>)[path.slice(1)];
}

function write(target: StoredConnection, path: string, value: unknown): void {
	if (path === '/auth/params') target.auth.params = value as Record<string, string>;
	else if (value === undefined) delete (target as unknown as Record<string, unknown>)[path.slice(1)];
	else (target as unknown as Record<string, unknown>)[path.slice(1)] = value;
}

/**
 * Applies the operations to a copy and returns it; throws a Flow Service error at the first bad
 * one, leaving the connection as it was. `validateParams` checks new auth params against the auth spec.
 */
export function applyPatch(
	connection: StoredConnection,
	operations: unknown,
	requestId: string,
	validateParams: (params: Record<string, unknown>) => string | undefined,
): StoredConnection {
	if (!Array.isArray(operations) || operations.length === 0) {
		throw flowError('emptyBody', 'The request body cannot be null or empty. Please provide a request body and try again.', requestId);
	}
	const next = structuredClone(connection);
	for (const operation of operations as Operation[]) {
		const op = String(operation?.op);
		const path = String(operation?.path);
		if (!SUPPORTED.includes(op)) {
			throw flowError('unsupportedPatchOp', `Unsupported operation '${op}' received. Please use one of the supported operation types and try again.`, requestId);
		}
		if (path.startsWith('/connectionSpec')) throw flowError('specChange', 'The connection spec of a connection cannot be updated.', requestId);
		const check = PATHS[path];
		if (!check || (path === '/auth/params' && op === 'remove') || (path === '/name' && op === 'remove')) {
			throw flowError('invalidPatchPath', `The path ${path} provided in ops is invalid. Please provide valid path ${path} and try again.`, requestId);
		}
		const exists = read(next, path) !== undefined;
		if ((op === 'replace' || op === 'remove') && !exists) {
			throw flowError('patchMissingField', `An error has occurred while validating patch instructions: Missing field "${path.slice(1)}".`, requestId);
		}
		if (op === 'remove') {
			write(next, path, undefined);
			continue;
		}
		if (!check(operation.value)) {
			throw flowError('invalidParamValue', `The provided param value is not a valid input for property=${path.slice(1)}. Please provide a valid param value and try again.`, requestId);
		}
		if (path === '/auth/params') {
			const problem = validateParams(operation.value as Record<string, unknown>);
			if (problem) throw flowError('mandatoryField', problem, requestId);
		}
		write(next, path, operation.value);
	}
	return next;
}
