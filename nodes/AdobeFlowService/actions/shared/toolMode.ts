/**
 * The node as an AI agent's tool: n8n makes `adobeFlowServiceTool` from it (usableAsTool). There an
 * operation that changes the Platform runs only with Allow Changes on, and Dry Run returns the
 * request it would send instead of sending it. The plain node shows neither and is not guarded.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FlowServiceClient, FlowServiceRequest } from '../../transport';
import { SERVICE_PATHS } from '../../transport/http';
import { redact } from '../../transport/platformErrors';
import type { Operation } from './operation';

/** Whether this node runs as the tool variant n8n generates (its type name ends in Tool). */
export function runsAsTool(context: Pick<IExecuteFunctions, 'getNode'>): boolean {
	return context.getNode().type.endsWith('Tool');
}

/**
 * What the agent's model reads about the tool, one per operation (all named toolDescription, so that
 * n8n adds no Tool Description of its own): what it does, the IDs it needs, what it returns, and
 * whether it changes the Platform. Shown in the tool variant only, to be edited there.
 */
export function toolDescriptions(operations: Array<{ resource: string; value: string; operation: Operation }>): INodeProperties[] {
	return operations.map(({ resource, value, operation }) => ({
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		default: toolDescriptionOf(operation),
		typeOptions: { rows: 3 },
		description: "What the agent's model reads about this tool: say what it is for in this workflow, which IDs it needs and what it returns",
		displayOptions: { show: { '@tool': [true], resource: [resource], operation: [value] } },
	}));
}

export function toolDescriptionOf(operation: Operation): string {
	const guard = operation.readsOnly === true ? 'It only reads.' : 'It changes the Platform, so it runs only where the tool allows changes.';
	return `Adobe Experience Platform Flow Service: ${operation.option.description ?? operation.option.action}. ${guard}`;
}

/** The tool variant's own parameters, shown for the operations that change the Platform (`changing`: their values). */
export function toolProperties(changing: string[]): INodeProperties[] {
	const shown = { '@tool': [true], operation: changing };
	return [
		{
			displayName: 'Allow Changes',
			name: 'allowChanges',
			type: 'boolean',
			default: false,
			description:
				'Whether the agent may run this operation, which changes the Platform (create, update, delete, enable, disable, run). Off, the tool refuses it before sending anything; reading operations never need it.',
			displayOptions: { show: shown },
		},
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description:
				"Whether to return the request that would change the Platform (method, path, body, secrets masked) instead of sending it. Let the model decide with $fromAI('dryRun', 'true to only preview the change', 'boolean').",
			displayOptions: { show: { ...shown, allowChanges: [true] } },
		},
	];
}

export const REFUSED_HINT =
	'This tool only reads unless its Allow Changes parameter is on. Turn Allow Changes on in the tool node to let the agent make this change, with Dry Run to preview it first.';

/** How the tool may run an operation: `refused` (to be thrown before any request) unless it only reads or Allow Changes is on. */
export function toolGuard(context: IExecuteFunctions, op: Operation, resource: string, operation: string): { dryRun: boolean; refused?: NodeOperationError } {
	if (!runsAsTool(context) || op.readsOnly === true) return { dryRun: false };
	if (context.getNodeParameter('allowChanges', 0, false) !== true) {
		const message = `Refused: "${op.option.name}" (${resource} → ${operation}) changes Adobe Experience Platform, and Allow Changes is off`;
		return { dryRun: false, refused: new NodeOperationError(context.getNode(), message, { description: REFUSED_HINT }) };
	}
	return { dryRun: context.getNodeParameter('dryRun', 0, false) === true };
}

/** Thrown instead of sending a request that would change the Platform, in a dry run: it holds what would have been sent. */
export class DryRunStop extends Error {
	constructor(readonly wouldSend: IDataObject) {
		super('Dry run: nothing was sent');
	}
}

function preview(request: FlowServiceRequest): IDataObject {
	const secrets = request.secrets ?? [];
	const body = request.body === undefined ? null : (JSON.parse(redact(JSON.stringify(request.body), secrets)) as IDataObject);
	return { dryRun: true, sent: false, method: request.method, path: redact(SERVICE_PATHS[request.service ?? 'flowservice'] + request.path, secrets), query: request.qs ?? {}, body };
}

/**
 * The client, except that the first request that would change the Platform (anything but GET and
 * HEAD) is not sent: DryRunStop carries it to the router, which returns it as the item's output.
 * Reads still go out, so that a Create can look for what it would reuse.
 */
export function dryRunClient(client: FlowServiceClient): FlowServiceClient {
	const request = async (req: FlowServiceRequest) => {
		if (req.method === 'GET' || req.method === 'HEAD') return await client.request(req);
		throw new DryRunStop(preview(req));
	};
	return new Proxy(client, { get: (target, property, receiver) => (property === 'request' ? request : Reflect.get(target, property, receiver)) });
}
