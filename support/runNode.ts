/**
 * Runs our node's execute inside n8n-core's real ExecuteContext: real parameter and expression
 * resolution, real continueOnFail, real httpRequestWithAuthentication over loopback. Only the
 * credential store is ours — a small copy of what n8n's CLI does (a credential's authenticate
 * function, or generic headers resolved as expressions; preAuthentication when the expirable
 * field is empty or after a 401).
 */
import { Container } from '@n8n/di';
import { ExecuteContext, LoadOptionsContext } from 'n8n-core';
// n8n-core does not export its SSH tunnel manager: a deep import of its dist file (see below).
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeType,
	IWorkflowExecuteAdditionalData,
	Workflow as WorkflowType,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { FlowServiceApi } from '../credentials/FlowServiceApi.credentials';
import { FlowServiceDatabaseApi } from '../credentials/FlowServiceDatabaseApi.credentials';
import { FlowServiceServerToServerApi } from '../credentials/FlowServiceServerToServerApi.credentials';
import { AdobeFlowService } from '../nodes/AdobeFlowService/AdobeFlowService.node';

export const NODE_TYPE = 'CUSTOM.adobeFlowService';

// n8n-core's SSH tunnel manager, created with every ExecuteContext, keeps a cleanup timer that would
// hold jest open: under jest, stop it after each test file that runs the node (@n8n/di is a
// devDependency pinned to the version n8n-core uses). Test files that never load n8n-core skip it.
if (typeof afterAll === 'function') {
	afterAll(() => {
		if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
	});
}

const credentialTypes: Record<string, ICredentialType> = {
	flowServiceApi: new FlowServiceApi(),
	flowServiceServerToServerApi: new FlowServiceServerToServerApi(),
	flowServiceDatabaseApi: new FlowServiceDatabaseApi(),
};

/** Stored credentials, as n8n keeps them between executions. */
export class CredentialStore {
	readonly data: Record<string, ICredentialDataDecryptedObject> = {};
	preAuthenticationCalls = 0;

	set(type: string, data: ICredentialDataDecryptedObject): void {
		const defaults = Object.fromEntries(credentialTypes[type].properties.map((p) => [p.name, p.default]));
		this.data[type] = { ...defaults, ...data } as ICredentialDataDecryptedObject;
	}

	helper(workflow: WorkflowType) {
		const store = this;
		const resolve = (value: string, credentials: ICredentialDataDecryptedObject, node: INode) =>
			value.startsWith('=')
				? String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '') ?? '')
				: value;
		return {
			getParentTypes: () => [],
			getDecrypted: async (_a: unknown, _n: unknown, type: string) => ({ ...store.data[type] }),
			authenticate: async (credentials: ICredentialDataDecryptedObject, type: string, options: IHttpRequestOptions, _w: unknown, node: INode) => {
				const auth = credentialTypes[type].authenticate;
				if (typeof auth === 'function') return await auth(credentials, options);
				if (auth && typeof auth === 'object' && auth.type === 'generic') {
					options.headers = { ...options.headers };
					for (const [key, value] of Object.entries(auth.properties.headers ?? {})) options.headers[key] = resolve(String(value), credentials, node);
				}
				return options;
			},
			preAuthentication: async (helpers: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, type: string, _node: INode, expired: boolean) => {
				const credentialType = credentialTypes[type];
				const expirable = credentialType.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
				if (!expirable || !credentialType.preAuthentication) return undefined;
				if (credentials[expirable.name] !== '' && !expired) return undefined;
				store.preAuthenticationCalls++;
				const output = await (credentialType.preAuthentication as (this: IHttpRequestHelper, c: ICredentialDataDecryptedObject) => Promise<IDataObject>).call(helpers, credentials);
				Object.assign(store.data[type], output);
				return Object.assign(credentials, output);
			},
			updateCredentials: async () => undefined,
			updateCredentialsOauthTokenData: async () => undefined,
			getCredentialsProperties: (type: string) => credentialTypes[type].properties,
		};
	}
}

export interface RunOptions {
	parameters: IDataObject;
	items?: IDataObject[];
	credentials: CredentialStore;
	authentication?: 'accessToken' | 'serverToServer';
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** Another node type to run instead of the action node, e.g. its agent tool variant. */
	as?: { nodeType: INodeType; type: string };
}

/** The node (the action node unless another type is given) in a one-node workflow, with n8n-core's additional data around it. */
export function setUp(
	parameters: IDataObject,
	credentials: CredentialStore,
	authentication: string,
	onError?: RunOptions['onError'],
	{ nodeType = new AdobeFlowService(), type = NODE_TYPE, staticData }: { nodeType?: INodeType; type?: string; staticData?: IDataObject } = {},
) {
	const credentialType = authentication === 'serverToServer' ? 'flowServiceServerToServerApi' : 'flowServiceApi';
	const node: INode = {
		id: 'node-1',
		name: 'AEP Flow Service',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication, ...parameters } as INode['parameters'],
		credentials: { [credentialType]: { id: '1', name: 'test credential' }, flowServiceDatabaseApi: { id: '2', name: 'database login' } },
		...(onError ? { onError } : {}),
	};
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ id: 'wf', nodes: [node], connections: {}, active: false, nodeTypes: nodeTypes as never, settings: {}, staticData });
	const additionalData = {
		credentialsHelper: credentials.helper(workflow),
		executionId: 'test',
		restApiUrl: 'http://localhost/rest',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		instanceBaseUrl: 'http://localhost',
	} as unknown as IWorkflowExecuteAdditionalData;
	return { nodeType, node, workflow, additionalData };
}

/** Runs one of the node's searchable lists (a resource locator's From List) in n8n-core's real LoadOptionsContext. */
export async function searchList(
	method: string,
	{ credentials, parameters = {}, filter, paginationToken, authentication = 'accessToken' }: { credentials: CredentialStore; parameters?: IDataObject; filter?: string; paginationToken?: string; authentication?: string },
): Promise<INodeListSearchResult> {
	const { nodeType, node, workflow, additionalData } = setUp(parameters, credentials, authentication);
	// A list in the editor reads the parameters being edited.
	const context = new LoadOptionsContext(workflow, node, { ...additionalData, currentNodeParameters: node.parameters }, 'parameters.connection');
	return await nodeType.methods!.listSearch![method].call(context, filter, paginationToken);
}

/** Runs one of the node's loadOptions or resourceMapping methods as the editor does, on the parameters being edited. */
export async function loadMethod<T>(
	kind: 'loadOptions' | 'resourceMapping',
	method: string,
	{ credentials, parameters = {}, authentication = 'accessToken' }: { credentials: CredentialStore; parameters?: IDataObject; authentication?: string },
): Promise<T> {
	const { nodeType, node, workflow, additionalData } = setUp(parameters, credentials, authentication);
	const context = new LoadOptionsContext(workflow, node, { ...additionalData, currentNodeParameters: node.parameters }, 'parameters');
	const methods = nodeType.methods![kind] as Record<string, (this: unknown) => Promise<T>>;
	return await methods[method].call(context);
}

export async function runNode({ parameters, items = [{}], credentials, authentication = 'accessToken', onError, as }: RunOptions): Promise<INodeExecutionData[]> {
	const { nodeType, node, workflow, additionalData } = setUp(parameters, credentials, authentication, onError, as);
	const input: INodeExecutionData[] = items.map((json) => ({ json }));
	const executeData = { node, data: { main: [input] }, source: null };
	const context = new ExecuteContext(workflow, node, additionalData, 'manual', createRunExecutionData(), 0, input, { main: [input] }, executeData as never, []);
	const output = await nodeType.execute!.call(context);
	return (output as INodeExecutionData[][])[0];
}
