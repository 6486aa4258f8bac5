/** Resource locators (From List, By ID) and reading the ids they give, checked before any request. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FieldError, UUID } from '../../helpers/validation';
import { fieldError } from './fieldErrors';

/** A resource locator for a Platform object: From List (searchable) and By ID, and By URL where `url` gives an example address. */
export function idLocator(what: {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: string;
	example: string;
	pattern?: string;
	required?: boolean;
	url?: string;
}): INodeProperties {
	const noun = what.displayName.toLowerCase();
	const pattern = what.pattern ?? UUID;
	// The modes are written out under `modes`, where n8n's lint (and its package scanner) knows they take no default.
	const locator: INodeProperties = {
		displayName: what.displayName,
		name: what.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: what.required ?? true,
		description: what.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${noun}...`,
				typeOptions: { searchListMethod: what.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${what.example}`,
				validation: [{ type: 'regex', properties: { regex: `^\\s*${pattern}\\s*$`, errorMessage: `Not a valid ${noun} ID` } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${what.url}`,
				validation: [{ type: 'regex', properties: { regex: `.*(${pattern}).*`, errorMessage: `The URL holds no ${noun} ID` } }],
				extractValue: { type: 'regex', regex: `(${pattern})` },
			},
		],
	};
	if (!what.url) locator.modes = locator.modes!.filter((mode) => mode.name !== 'url');
	return locator;
}

export function connectionLocator(description = 'The connection to use'): INodeProperties {
	return idLocator({
		displayName: 'Connection',
		name: 'connection',
		description,
		searchListMethod: 'searchConnections',
		example: '4cb0c374-d3bb-4557-b139-5712880adc55',
		url: 'https://platform.adobe.io/data/foundation/flowservice/connections/4cb0c374-d3bb-4557-b139-5712880adc55',
	});
}

/** What an id parameter is: where it is read from, what it is called, and what a valid one looks like. */
export interface IdParameter {
	parameter: string;
	/** The field's label, as errors name it: `Connection`. */
	label: string;
	/** As a user reads it: `connection`. */
	noun: string;
	/** A regular-expression source the whole id must match. */
	pattern: string;
	/** Said when it is missing; else "Pick a … from the list, or give its ID". */
	requiredHint?: string;
	/** Said when it does not match. */
	invalidHint: string;
	/** False where the field may be left empty: then '' is returned. */
	required?: boolean;
}

/** The one id reader: a locator's (or text field's) value, trimmed and checked before any request. */
export function readId(context: IExecuteFunctions, itemIndex: number, id: IdParameter): string {
	const raw = context.getNodeParameter(id.parameter, itemIndex, '', { extractValue: true }) as unknown;
	const value = typeof raw === 'string' ? raw.trim() : raw;
	if (value === '' || value === undefined || value === null) {
		if (id.required === false) return '';
		throw fieldError(context, new FieldError(id.label, 'is required', id.requiredHint ?? `Pick a ${id.noun} from the list, or give its ID, e.g. {{ $json.id }}`), itemIndex);
	}
	if (typeof value !== 'string' || !new RegExp(`^(?:${id.pattern})$`).test(value)) {
		throw fieldError(context, new FieldError(id.label, `is not a valid ${id.noun} ID`, id.invalidHint), itemIndex);
	}
	return value;
}

export function readConnectionId(context: IExecuteFunctions, itemIndex: number, parameter = 'connection'): string {
	return readId(context, itemIndex, { parameter, label: 'Connection', noun: 'connection', pattern: UUID, invalidHint: 'A connection ID looks like 4cb0c374-d3bb-4557-b139-5712880adc55' });
}

/** A Catalog dataset id: 24 hexadecimal characters. */
export const DATASET_ID = '[0-9a-fA-F]{24}';

/** An XDM schema `$id`: a URI, e.g. https://ns.adobe.com/{TENANT_ID}/schemas/52b5…. */
export const SCHEMA_ID = 'https?://\\S+';

export function datasetLocator(description: string): INodeProperties {
	return idLocator({ displayName: 'Dataset', name: 'dataset', description, searchListMethod: 'searchDatasets', example: '6019e0e7c5dcf718db5ebc71', pattern: DATASET_ID });
}

export function schemaLocator(description: string, required = true): INodeProperties {
	return idLocator({
		displayName: 'Schema',
		name: 'schema',
		description,
		searchListMethod: 'searchSchemas',
		example: 'https://ns.adobe.com/{TENANT_ID}/schemas/52b59140414aa6a370ef5e21155fd7a686744b8739ecc168',
		pattern: SCHEMA_ID,
		required,
	});
}

/** A Catalog or Schema Registry locator's value (see readId), with one hint for both problems. */
export function readLocator(context: IExecuteFunctions, itemIndex: number, parameter: string, label: string, pattern: string, hint: string, required = true): string {
	return readId(context, itemIndex, { parameter, label, noun: label.toLowerCase(), pattern, requiredHint: hint, invalidHint: hint, required });
}
