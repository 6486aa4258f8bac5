/**
 * One mapping from whatever went wrong on the wire to what the user reads.
 * Gateway bodies `{error_code, message}`, Flow Service bodies `{type, title, status, report}`,
 * IMS bodies `{error, error_description}`, and anything else.
 */
import { MASK } from '../helpers/mask';

export interface FailedResponse {
	status?: number;
	body?: unknown;
	headers?: Record<string, unknown>;
	/** Set when no HTTP answer came: ECONNRESET, ETIMEDOUT, ... */
	networkCode?: string;
}

export interface PlatformFailure {
	status?: number;
	/** `401013`, `FLOW-1101-404`, `invalid_client`, `ECONNRESET`... */
	code?: string;
	message: string;
	requestId?: string;
	/** How to fix it, when we know. */
	hint?: string;
}

/** What to do about a Platform error code, keyed by code (the part after `FLOW-` for Flow Service). */
export const HINTS: Record<string, string> = {
	'403010': 'Add an access token to the credential',
	'401013': 'The access token is invalid or has expired (tokens last 24 hours). Generate a new one, or use the Flow Service OAuth Server-to-Server credential, which renews itself',
	'403000': 'Add the API key (the Client ID of your Adobe Developer Console project) to the credential',
	'403003': 'Check the API key: it is the Client ID of the Adobe Developer Console project the token was made for',
	'400003': 'Add the IMS Org ID (it ends in @AdobeOrg) to the credential',
	'2105-400': 'Add a sandbox name to the credential (e.g. prod)',
	'2100-404': 'Check the sandbox name in the credential: it must name an existing sandbox of this org',
	'1413-400': 'The connection spec ID is not known to the Platform',
	'1415-400': 'The Platform does not know this authentication type for the connector',
	'1304-400': 'A required value of the connection is missing',
	'1101-404': 'Check the ID: nothing with it exists in this sandbox (a connection, dataflow or run of another sandbox is not found here)',
	'1103-503': 'The Platform is briefly unavailable: run the workflow again later',
	'1104-504': 'The Platform timed out: run the workflow again later',
	'1336-400': 'This connector does not support exploring its data',
	'1337-400': 'Give the table to explore',
	'1358-400': 'The explore object type is not valid',
	'1330-400': 'The table has no columns the Platform can read',
	'1401-400': 'Count cannot be combined with a limit',
	'1403-400': 'The update needs the current etag of the connection',
	'1404-412': 'The connection or dataflow was changed by someone else since it was read. Run the node again to apply the update to the new version',
	'1405-400': 'The update has nothing to change',
	'1414-400': 'The connector of an existing connection cannot be changed',
	'1418-400': 'Dataflows still use this connection. Delete those dataflows first, then the connection',
	'1308-400': 'The Platform could not read the source database: check the host, port, database and login of the connection',
	'1365-400': 'The Platform does not accept a change to this part of the connection',
	'1455-400': 'The update names a part of the connection that is not there',
	'1451-400': 'The Platform does not take this query parameter',
	'1307-400': 'A target connection of a database dataflow must use the Data Lake connection spec',
	'1323-400': 'The source connection needs an existing base connection of the same connector',
	'1325-400': 'Check the dataset: it must exist in this sandbox',
	'1367-400': 'Give the Incremental Column: a dataflow that runs more than once needs one',
	'1369-400': 'A dataflow scheduled Once takes no Incremental Column: give it to Run Now instead',
	'1370-400': 'The dataflow needs a mapping',
	'1382-400': 'Give the same Incremental Column as the first run, or none',
	'1383-400': "Give an Incremental Column: it is required on a dataflow's first on-demand run",
	'1386-400': 'Run Now works for dataflows scheduled Once; a scheduled dataflow runs on its schedule',
	'1422-400': 'The dataflow is already in that state, or cannot change to it now',
	'1412-400': 'Give a version the mapping set has: Mapping → Get shows its current one',
	'1419-400': 'Check the mapping: it must exist in this sandbox, at the version given',
	'1425-400': "The mapping must be to the target dataset's own schema: create the mapping with the schemaId of the target connection",
	invalid_client: 'Check the Client ID and Client Secret of the OAuth Server-to-Server credential',
	invalid_scope: 'Check the scopes of the OAuth Server-to-Server credential',
	ECONNREFUSED: 'Nothing answered at the Base URL of the credential: check it',
	ENOTFOUND: 'The host of the Base URL in the credential cannot be found: check it',
	ETIMEDOUT: 'The Platform did not answer in time: run the workflow again, or raise the timeout',
	ECONNABORTED: 'The Platform did not answer in time: run the workflow again, or raise the timeout',
	ECONNRESET: 'The connection to the Platform was cut: run the workflow again',
};

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
}

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === name) return text(Array.isArray(value) ? value[0] : value);
	}
	return undefined;
}

function hintFor(code: string | undefined): string | undefined {
	if (!code) return undefined;
	return HINTS[code] ?? HINTS[code.replace(/^FLOW-/, '')];
}

const NETWORK_MESSAGES: Record<string, string> = {
	ECONNREFUSED: 'The connection to the Platform was refused',
	ECONNRESET: 'The connection to the Platform was reset before an answer came',
	ETIMEDOUT: 'The Platform did not answer in time',
	ECONNABORTED: 'The Platform did not answer in time',
	ENOTFOUND: 'The Platform host could not be found',
	EPIPE: 'The connection to the Platform was closed while sending',
};

export function describeFailure(failure: FailedResponse): PlatformFailure {
	const { status } = failure;
	if (status === undefined) {
		const code = failure.networkCode ?? 'NETWORK_ERROR';
		return { code, message: NETWORK_MESSAGES[code] ?? `The request to the Platform failed (${code})`, hint: hintFor(code) };
	}
	const body = asRecord(failure.body);
	const headerRequestId = header(failure.headers, 'x-request-id');
	if (body && text(body.error_code)) {
		const code = text(body.error_code);
		return { status, code, message: text(body.message) ?? 'The gateway refused the request', requestId: headerRequestId, hint: hintFor(code) };
	}
	if (body && (text(body.type) || text(body.title))) {
		const report = asRecord(body.report);
		const typeCode = /([A-Z]+-\d+-\d{3})$/.exec(text(body.type) ?? '')?.[1];
		const code = typeCode ?? text(body.code);
		const message =
			text(report?.['detailed-message']) ?? text(body.errorMessage) ?? text(body.detail) ?? text(body.title) ?? 'The Platform refused the request';
		return { status, code, message, requestId: text(report?.['request-id']) ?? headerRequestId, hint: hintFor(code) };
	}
	if (body && text(body.error)) {
		const code = text(body.error);
		return { status, code, message: text(body.error_description) ?? code!, requestId: headerRequestId, hint: hintFor(code) };
	}
	const contentType = header(failure.headers, 'content-type') ?? 'no content type';
	const what = failure.body === undefined || failure.body === '' ? 'an empty body' : `a body that is not a Platform error (${contentType})`;
	return { status, message: `The Platform answered HTTP ${status} with ${what}`, requestId: headerRequestId, hint: status >= 500 ? 'Run the workflow again later' : undefined };
}

/** The one-line message shown as the error's title. */
export function failureMessage(failure: PlatformFailure): string {
	const where = [failure.status, failure.code].filter((x) => x !== undefined).join(' ');
	return where ? `${failure.message} [${where}]` : failure.message;
}

export function failureDescription(failure: PlatformFailure): string | undefined {
	const parts = [failure.hint ? `${failure.hint}.` : undefined, failure.requestId ? `Request ID: ${failure.requestId}` : undefined];
	const joined = parts.filter(Boolean).join(' ');
	return joined || undefined;
}

/** Replaces every secret in a text by a mask. */
export function redact(value: string, secrets: string[]): string {
	let out = value;
	for (const secret of secrets) {
		if (secret.length >= 3) out = out.split(secret).join(MASK);
	}
	return out;
}
