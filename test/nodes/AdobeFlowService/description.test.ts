/** Invariants of the node's description that the lint cannot see. */
import type { INodeProperties } from 'n8n-workflow';

import { AdobeFlowService } from '../../../nodes/AdobeFlowService/AdobeFlowService.node';
import { AUTH_CHOICES, authParameterName, FIELDS } from '../../../nodes/AdobeFlowService/connectors';

const { properties } = new AdobeFlowService().description;

test('no parameter is shown twice: each name and display condition is unique', () => {
	const keys = properties.map((p) => `${p.name} ${JSON.stringify(p.displayOptions ?? {})}`);
	expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
});

test('each resource offers its operations by name, each with an action', () => {
	for (const selector of properties.filter((p) => p.name === 'operation')) {
		const names = (selector.options as Array<{ name: string; action?: string }>).map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect((selector.options as Array<{ action?: string }>).every((o) => typeof o.action === 'string')).toBe(true);
	}
});

test('every connector field has a Create parameter shown for exactly that connector and auth method, secrets as passwords', () => {
	for (const connector of AUTH_CHOICES) {
		const auth = authParameterName(connector.entry);
		for (const key of connector.fields) {
			const shown = properties.filter(
				(p: INodeProperties) =>
					p.name === key &&
					(p.displayOptions?.show?.operation as string[])[0] === 'create' &&
					(p.displayOptions?.show?.connector as string[] | undefined)?.[0] === connector.key &&
					(connector.entry.auths.length === 1 || (p.displayOptions?.show?.[auth] as string[] | undefined)?.[0] === connector.authKey),
			);
			expect(shown).toHaveLength(1);
			expect(Boolean(shown[0].typeOptions?.password)).toBe(FIELDS[key].kind === 'secret');
		}
	}
});

test('a parameter name has one type wherever it is shown, so that a value kept across a switch still fits', () => {
	const types = new Map<string, Set<string>>();
	for (const p of properties) types.set(p.name, new Set([...(types.get(p.name) ?? []), p.type]));
	expect([...types].filter(([, t]) => t.size > 1).map(([name, t]) => `${name}: ${[...t].join(', ')}`)).toEqual([]);
});
