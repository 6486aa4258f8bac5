/** Invariants of the node's description that the lint cannot see. */
import type { INodeProperties } from 'n8n-workflow';

import { FlowServiceApi } from '../../../credentials/FlowServiceApi.credentials';
import { FlowServiceDatabaseApi } from '../../../credentials/FlowServiceDatabaseApi.credentials';
import { FlowServiceServerToServerApi } from '../../../credentials/FlowServiceServerToServerApi.credentials';
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

/** Every text a user reads about a field: descriptions, hints, notices and the descriptions of options, in the node and the credentials. */
function userTexts(list: INodeProperties[], where: string): Array<[string, string]> {
	return list.flatMap((p): Array<[string, string]> => {
		const at = `${where} ${p.name}`;
		const own: Array<[string, string]> = [
			...(p.description ? [[at, p.description] as [string, string]] : []),
			...(p.hint ? [[`${at} (hint)`, p.hint] as [string, string]] : []),
			...(p.type === 'notice' ? [[at, p.displayName] as [string, string]] : []),
		];
		const nested = (p.options ?? []).flatMap((o): Array<[string, string]> => {
			if ('values' in o) return userTexts(o.values, at);
			if ('type' in o) return userTexts([o as INodeProperties], at);
			return 'description' in o && o.description ? [[`${at} → ${o.name}`, o.description]] : [];
		});
		return [...own, ...nested];
	});
}

const credentialProperties = [new FlowServiceApi(), new FlowServiceServerToServerApi(), new FlowServiceDatabaseApi()].flatMap((c) => userTexts(c.properties, c.name));

/**
 * Words of the API, of Adobe's pages or of this package's making that a user filling in the node
 * should not have to know: each was in a description once, and was said again in a user's words.
 */
const JARGON: Array<[string, RegExp]> = [
	['an API call named in brackets', /\((explore|preview|root)\)/i],
	["Adobe's pages as the reason", /tutorial|\bthe doc\b|\bdocumented\b/i],
	['auth specs', /auth specs?\b/i],
	['JSON Schema keywords', /format: password/i],
	['flow spec names', /CRMToAEP|flow spec/i],
	['a service name for where a value comes from', /\bfrom Catalog\b|Data Prep/],
	['request fields', /\b(deltaColumn|scheduleParams|flowSpec|baseConnectionId|connectionSpec|tableName|dataSetId)\b/],
	['a credential by another name than its own', /Database Login credential/],
];

test.each(JARGON)('no description, hint or notice speaks of %s', (_what, pattern) => {
	const texts = [...userTexts(properties, 'node'), ...credentialProperties];
	expect(texts.length).toBeGreaterThan(200);
	expect(texts.filter(([, text]) => pattern.test(text))).toEqual([]);
});

test('a hint under each field that is easy to fill in wrong', () => {
	const hinted = new Set(properties.filter((p) => p.hint).map((p) => p.name));
	const options = properties.find((p) => p.name === 'options')!.options as INodeProperties[];
	for (const name of ['startTime', 'incrementalColumn', 'frequency', 'mappingId', 'dataflow', 'databaseLogin', 'connectionString']) expect([name, hinted.has(name)]).toEqual([name, true]);
	expect(options.find((o) => o.name === 'ifExists')!.hint).toMatch(/Reuse It/);
});

test("the node's Docs link and the package's homepage open this package's README; the credentials' links stay with what each is about", () => {
	const pkg = require('../../../package.json') as { homepage: string; repository: { url: string } };
	const codex = require('../../../nodes/AdobeFlowService/AdobeFlowService.node.json') as { resources: Record<string, Array<{ url: string }>> };
	const readme = `${pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')}#readme`;
	expect(codex.resources.primaryDocumentation).toEqual([{ url: readme }]);
	expect(pkg.homepage).toBe(readme);
	// Adobe's own sign-in is Adobe's to explain; the Source Database login is this package's.
	expect(new FlowServiceApi().documentationUrl).toMatch(/^https:\/\/experienceleague\.adobe\.com\//);
	expect(new FlowServiceServerToServerApi().documentationUrl).toMatch(/^https:\/\/developer\.adobe\.com\//);
	expect(new FlowServiceDatabaseApi().documentationUrl).toBe(readme.replace('#readme', '/blob/main/docs/credentials.md'));
});
