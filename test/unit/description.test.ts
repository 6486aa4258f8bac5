/** Invariants of the node's description that the lint cannot see. */
import type { INodeProperties } from 'n8n-workflow';

import { AdobeFlowService } from '../../nodes/AdobeFlowService/AdobeFlowService.node';
import { operations } from '../../nodes/AdobeFlowService/actions/router';
import { CONNECTORS, FIELDS } from '../../nodes/AdobeFlowService/connectors';

const { properties } = new AdobeFlowService().description;

test('no parameter is shown twice: each name and display condition is unique', () => {
	const keys = properties.map((p) => `${p.name} ${JSON.stringify(p.displayOptions ?? {})}`);
	expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
});

test('every operation the router runs is offered in the UI, and nothing else', () => {
	const offered = properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => (p.options as Array<{ value: string }>).map((o) => `${(p.displayOptions!.show!.resource as string[])[0]}.${o.value}`));
	const routed = Object.entries(operations).flatMap(([resource, ops]) => Object.keys(ops).map((op) => `${resource}.${op}`));
	expect(offered.sort()).toEqual(routed.sort());
});

test('every connector field has a Create parameter shown for exactly that connector, secrets as passwords', () => {
	for (const connector of CONNECTORS) {
		for (const key of connector.fields) {
			const shown = properties.filter(
				(p: INodeProperties) => p.name === key && (p.displayOptions?.show?.operation as string[])[0] === 'create' && (p.displayOptions?.show?.connector as string[])[0] === connector.key,
			);
			expect(shown).toHaveLength(1);
			expect(Boolean(shown[0].typeOptions?.password)).toBe(FIELDS[key].kind === 'secret');
		}
	}
});
