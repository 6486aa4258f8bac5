/** The registry against the node's description: what it lists is what the editor offers, and where. */
import type { INodeProperties } from 'n8n-workflow';

import { AdobeFlowService } from '../../../../nodes/AdobeFlowService/AdobeFlowService.node';
import type { Operation } from '../../../../nodes/AdobeFlowService/actions/shared/operation';
import { allOperations, findOperation, registry, RESOURCES } from '../../../../nodes/AdobeFlowService/actions/registry';

const { properties, subtitle } = new AdobeFlowService().description;
const byName = (name: string) => properties.filter((p) => p.name === name);
const option = (name: string) => (byName('options')[0].options as INodeProperties[]).find((o) => o.name === name)!;

test('the Resource selector offers exactly the registry’s resources', () => {
	const offered = (byName('resource')[0].options as Array<{ value: string }>).map((o) => o.value).sort();
	expect(offered).toEqual(Object.keys(registry).sort());
	for (const [key, resource] of Object.entries(registry)) expect(resource.value).toBe(key);
});

test('each resource’s Operation selector offers exactly its operations, and its default is one of them', () => {
	for (const resource of RESOURCES) {
		const [selector] = byName('operation').filter((p) => p.displayOptions?.show?.resource?.[0] === resource.value);
		const offered = (selector.options as Array<{ value: string }>).map((o) => o.value).sort();
		expect([resource.value, offered]).toEqual([resource.value, Object.keys(resource.operations).sort()]);
		expect(Object.keys(resource.operations)).toContain(resource.defaultOperation);
		for (const [value, operation] of Object.entries(resource.operations as Record<string, Operation>)) expect(operation.option.value).toBe(value);
	}
});

test('every operation’s fields are shown for that resource and operation only', () => {
	for (const { resource, value, operation } of allOperations()) {
		for (const field of operation.description) {
			const shown = properties.find((p) => p.name === field.name && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(value));
			expect([resource, value, field.name, shown !== undefined]).toEqual([resource, value, field.name, true]);
		}
	}
});

test('the canvas subtitle has every operation’s action', () => {
	for (const { resource, value, operation } of allOperations()) expect(subtitle).toContain(`"${resource}.${value}":${JSON.stringify(operation.option.action)}`);
});

test('If It Exists is offered exactly on the Creates that are safe to run again, Concurrency on all but the lists', () => {
	const creating = allOperations().filter(({ operation }) => operation.createsOnce);
	expect(creating.map(({ resource, value }) => `${resource}.${value}`).sort()).toEqual(['connection.create', 'dataflow.create', 'mapping.create', 'sourceConnection.create', 'targetConnection.create']);
	expect(option('ifExists').displayOptions?.show).toEqual({ '/resource': expect.arrayContaining(creating.map((c) => c.resource)), '/operation': ['create'] });
	const lists = allOperations().filter(({ operation }) => operation.concurrent === false);
	expect(new Set(lists.map(({ value }) => value))).toEqual(new Set(['getMany']));
	expect(option('concurrency').displayOptions?.show?.['/operation']).not.toContain('getMany');
	expect(option('concurrency').displayOptions?.show?.['/operation']).toEqual(expect.arrayContaining(['create', 'get', 'wait', 'listTables']));
});

test('findOperation finds what the registry lists, and nothing else (not even what every object has)', () => {
	expect(findOperation('connection', 'create')).toBe(registry.connection.operations.create);
	expect(findOperation('connection', 'toString')).toBeUndefined();
	expect(findOperation('constructor', 'create')).toBeUndefined();
	expect(findOperation('run', 'nothing')).toBeUndefined();
});
