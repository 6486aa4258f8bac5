/**
 * FlowServiceError, the NodeApiError a failed request becomes, and reading what n8n's request
 * helper threw when no HTTP answer came. The mapping of answers to messages is platformErrors.ts.
 */
import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Context } from './http';
import type { FailedResponse, PlatformFailure } from './platformErrors';
import { describeFailure, failureDescription, failureMessage, redact } from './platformErrors';

/** What was wrong: an HTTP answer, a network code, or only a message. */
export type Failed = FailedResponse & { fallbackMessage?: string };

export class FlowServiceError extends NodeApiError {
	constructor(
		context: Context,
		readonly failure: PlatformFailure,
		itemIndex: number | undefined,
	) {
		super(
			context.getNode(),
			{
				message: failure.message,
				httpCode: failure.status === undefined ? null : String(failure.status),
				platformCode: failure.code ?? null,
				requestId: failure.requestId ?? null,
			} as JsonObject,
			{
				message: failureMessage(failure),
				description: failureDescription(failure),
				httpCode: failure.status === undefined ? undefined : String(failure.status),
				itemIndex,
			},
		);
	}

	/** The error for a failed request, with the request's own secrets masked wherever they might appear. */
	static from(context: Context, failed: Failed, secrets: string[], itemIndex: number | undefined): FlowServiceError {
		const failure: PlatformFailure =
			failed.networkCode === 'ERR_INVALID_RESPONSE'
				? { code: 'ERR_INVALID_RESPONSE', message: 'The Platform answered with a body that is not valid JSON', hint: 'Run the workflow again later' }
				: failed.status === undefined && failed.networkCode === undefined && failed.fallbackMessage
					? { message: failed.fallbackMessage }
					: describeFailure(failed);
		const safe = { ...failure, message: redact(failure.message, secrets), hint: failure.hint === undefined ? undefined : redact(failure.hint, secrets) };
		return new FlowServiceError(context, safe, itemIndex);
	}
}

/**
 * n8n's request helper turns a failure without an HTTP answer into an error whose message it
 * rewrites from the Node.js error code; the code itself is not kept. Read it back from either.
 */
const NETWORK_PATTERNS: Array<[RegExp, string]> = [
	[/ECONNREFUSED|refused the connection/i, 'ECONNREFUSED'],
	[/ECONNRESET|socket hang up|closed unexpectedly/i, 'ECONNRESET'],
	[/ETIMEDOUT|timed out/i, 'ETIMEDOUT'],
	[/ECONNABORTED|timeout of \d+ms|connection was aborted/i, 'ECONNABORTED'],
	[/ENOTFOUND|incorrect host/i, 'ENOTFOUND'],
	[/EAI_AGAIN|DNS server returned/i, 'EAI_AGAIN'],
	[/EPIPE/, 'EPIPE'],
];

/** What n8n's request helper threw: no HTTP answer came (an HTTP answer is returned, never thrown). */
export function readThrown(error: unknown): Failed {
	const e = error as { code?: unknown; message?: unknown; messages?: unknown; description?: unknown; cause?: { code?: unknown } };
	const texts = [e?.code, e?.cause?.code, e?.message, ...(Array.isArray(e?.messages) ? e.messages : []), e?.description].filter(
		(t): t is string => typeof t === 'string',
	);
	for (const [pattern, code] of NETWORK_PATTERNS) {
		if (texts.some((t) => pattern.test(t))) return { networkCode: code };
	}
	return { fallbackMessage: typeof e?.message === 'string' ? e.message : 'The request to the Platform failed' };
}
