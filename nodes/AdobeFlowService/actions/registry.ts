/**
 * Every resource of the node, listed once; each resource file lists its operations once. The router,
 * the node's parameters (Resource, Operation, which options show where) and the canvas subtitle all
 * read them from here. Adding an operation: its file, and one line in its resource's `operations`.
 */
import type { Operation } from './shared/operation';
import { resource as connection } from './connection/Connection.resource';
import { resource as connectionSpec } from './connectionSpec/ConnectionSpec.resource';
import { resource as database } from './database/Database.resource';
import { resource as dataflow } from './dataflow/Dataflow.resource';
import { resource as mapping } from './mapping/Mapping.resource';
import { resource as run } from './run/Run.resource';
import { resource as sourceConnection } from './sourceConnection/SourceConnection.resource';
import { resource as targetConnection } from './targetConnection/TargetConnection.resource';

export const registry = { connection, connectionSpec, database, dataflow, mapping, run, sourceConnection, targetConnection };

export type ResourceName = keyof typeof registry;
export type OperationName<R extends ResourceName> = keyof (typeof registry)[R]['operations'] & string;

export const RESOURCES = Object.values(registry);

/** The operation a resource and operation value name, if the node has it. */
export function findOperation(resource: string, operation: string): Operation | undefined {
	const own = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);
	if (!own(registry, resource)) return undefined;
	const { operations } = (registry as Record<string, { operations: Record<string, Operation> }>)[resource];
	return own(operations, operation) ? operations[operation] : undefined;
}

/** Every operation with its resource's value. */
export function allOperations(): Array<{ resource: string; value: string; operation: Operation }> {
	return RESOURCES.flatMap((r) => Object.entries(r.operations as Record<string, Operation>).map(([value, operation]) => ({ resource: r.value, value, operation })));
}
