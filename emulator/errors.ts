/**
 * Platform-shaped errors. Every Flow Service code the emulator answers is listed in CODES with the
 * catalog it comes from: Adobe's Flow Service error catalog (help/sources/errors/flow-service-errors.md),
 * its sources error catalog (help/sources/errors/sources-errors.md), or `emulator` where no documented
 * code fits — those are the emulator's own, numbered 9xxx so that no one mistakes them for Adobe's.
 */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
	) {
		super(`HTTP ${status}`);
	}
}

type Catalog = 'flow-service-errors.md' | 'sources-errors.md' | 'emulator';

export const CODES = {
	internal: { code: '1400-500', title: 'Internal Error', catalog: 'flow-service-errors.md' },
	notFound: { code: '1101-404', title: 'Resource not found', catalog: 'flow-service-errors.md' },
	countWithLimit: { code: '1401-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	ifMatchMissing: { code: '1403-400', title: 'Header is missing', catalog: 'flow-service-errors.md' },
	versionMismatch: { code: '1404-412', title: 'Version not matching', catalog: 'flow-service-errors.md' },
	emptyBody: { code: '1405-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	invalidSpec: { code: '1413-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	specChange: { code: '1414-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	unknownAuthSpec: { code: '1415-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	inUse: { code: '1418-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	badSortOrder: { code: '1432-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	badOrderBy: { code: '1433-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	unsupportedPatchOp: { code: '1434-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	multipleValues: { code: '1443-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	operatorNotSupported: { code: '1448-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	badOperator: { code: '1450-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	unknownQueryParam: { code: '1451-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	badFieldValue: { code: '1452-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	badFilterValue: { code: '1453-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	patchMissingField: { code: '1455-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	sandboxNotFound: { code: '2100-404', title: 'Sandbox not found', catalog: 'flow-service-errors.md' },
	sandboxMissing: { code: '2105-400', title: 'Header is missing', catalog: 'flow-service-errors.md' },
	badRequest: { code: '1000-400', title: 'Bad request', catalog: 'sources-errors.md' },
	mandatoryField: { code: '1304-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	sourceFailed: { code: '1308-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	invalidParamValue: { code: '1312-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	noColumns: { code: '1330-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	exploreUnsupported: { code: '1336-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	exploreParamMissing: { code: '1337-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	badObjectType: { code: '1358-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	invalidPatchPath: { code: '1365-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	minimumOne: { code: '1394-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	wrongTargetSpec: { code: '1307-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	deltaColumnMissing: { code: '1367-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	deltaColumnWithOnce: { code: '1369-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	emptySchedule: { code: '1317-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	sourceEntityNull: { code: '1323-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	dataSetIdEmpty: { code: '1325-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	formatNotSupported: { code: '1327-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	connectionIdNull: { code: '1338-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	intervalWithOnce: { code: '1361-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	intervalTooSmall: { code: '1362-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	intervalNotAllowed: { code: '1363-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	backfillWithOnce: { code: '1364-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	mappingMissing: { code: '1370-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	runWindowOrder: { code: '1381-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	runDeltaChanged: { code: '1382-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	runDeltaMissing: { code: '1383-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	runParams: { code: '1384-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	runFrequency: { code: '1386-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	retriggerState: { code: '1387-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	retriggerFlowState: { code: '1388-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	runActionUnsupported: { code: '1401-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	transformationsUnreadable: { code: '1392-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	badFrequency: { code: '1397-400', title: 'Bad Request', catalog: 'sources-errors.md' },
	stateInBody: { code: '1410-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	actionNotAllowed: { code: '1422-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	mappingVersion: { code: '1412-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	mappingInvalid: { code: '1419-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	schemaMismatch: { code: '1425-400', title: 'Invalid request', catalog: 'flow-service-errors.md' },
	badContinuationToken: { code: '9001-400', title: 'Bad Request', catalog: 'emulator' },
	targetSchemaNotDataset: { code: '9002-400', title: 'Bad Request', catalog: 'emulator' },
} as const satisfies Record<string, { code: string; title: string; catalog: Catalog }>;

export type CodeName = keyof typeof CODES;

/** A Flow Service error body, as Adobe's troubleshooting guide shows it. */
export function flowError(name: CodeName, message: string, requestId: string): HttpError {
	const { code, title } = CODES[name];
	const status = Number(code.slice(-3));
	return new HttpError(status, {
		type: `https://ns.adobe.com/aep/errors/FLOW-${code}`,
		title,
		status,
		report: { 'detailed-message': message, 'request-id': requestId },
		errorMessage: message,
		errorDetails: message,
	});
}

/** A gateway error (before Flow Service is reached): `{error_code, message}` (help/landing/troubleshooting.md). */
export function gatewayError(status: number, code: string, message: string): HttpError {
	return new HttpError(status, { error_code: code, message });
}

/**
 * An error of a service other than Flow Service (Catalog, Schema Registry, Data Prep), in the
 * `{type, title, status, detail}` form of Adobe's API guides; the emulator does not copy their codes.
 */
export function serviceError(service: 'catalog' | 'schemaregistry' | 'conversion', status: number, title: string, detail: string): HttpError {
	const prefix = { catalog: 'CAT', schemaregistry: 'XDM', conversion: 'DP' }[service];
	return new HttpError(status, { type: `http://ns.adobe.com/aep/errors/${prefix}-${status}`, title, status, detail });
}
