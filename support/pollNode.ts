/**
 * Runs the trigger's poll inside n8n-core's real PollContext, as n8n's active workflows do: real
 * parameters, real getWorkflowStaticData (kept on one workflow between polls), real HTTP helper, and
 * the credential store of runNode.ts. n8n's logger is replaced by one that keeps what it was told.
 */
import { PollContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData, WorkflowExecuteMode } from 'n8n-workflow';

import { AdobeFlowServiceTrigger } from '../nodes/AdobeFlowService/AdobeFlowServiceTrigger.node';
import type { CredentialStore } from './runNode';
import { setUp } from './runNode';

export const TRIGGER_TYPE = 'CUSTOM.adobeFlowServiceTrigger';

export interface Poller {
	/** One poll; `manual` is the editor's Fetch Test Event. Null when the trigger found nothing. */
	poll(mode?: 'trigger' | 'manual'): Promise<INodeExecutionData[] | null>;
	/** The workflow's static data, as n8n keeps it between polls. */
	staticData: IDataObject;
	/** The trigger node's own part of it. */
	nodeState(): { watermark?: number; idsAtWatermark?: string[]; pending?: Record<string, number> };
	/** What the trigger logged, as `level: message`. */
	logged: string[];
}

export function poller(credentials: CredentialStore, parameters: IDataObject, authentication: 'accessToken' | 'serverToServer' = 'accessToken'): Poller {
	const nodeType = new AdobeFlowServiceTrigger();
	const staticData: IDataObject = {};
	const { node, workflow, additionalData } = setUp(parameters, credentials, authentication, undefined, { nodeType, type: TRIGGER_TYPE, staticData });
	const logged: string[] = [];
	const log = (level: string) => (message: string) => logged.push(`${level}: ${message}`);
	const logger = { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') };
	return {
		staticData: workflow.staticData,
		nodeState: () => (workflow.staticData[`node:${node.name}`] ?? {}) as ReturnType<Poller['nodeState']>,
		logged,
		async poll(mode = 'trigger') {
			const context = new PollContext(workflow, node, additionalData, mode as WorkflowExecuteMode, mode === 'manual' ? 'manual' : 'activate');
			Object.defineProperty(context, 'logger', { value: logger });
			const out = await nodeType.poll.call(context);
			return out === null ? null : out[0];
		},
	};
}
