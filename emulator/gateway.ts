/**
 * What Adobe's API gateway checks before a request reaches Flow Service: the token, the API key,
 * the org header (help/landing/troubleshooting.md), then Flow Service's own sandbox checks.
 */
import type { IncomingMessage } from 'node:http';

import { flowError, gatewayError, HttpError } from './errors';
import type { Ims } from './ims';

export interface RequestContext {
	org: string;
	sandbox: string;
	clientId: string;
	requestId: string;
}

export interface GatewayOptions {
	/** Access tokens accepted as they are (a pasted token). */
	tokens: Set<string>;
	/** API keys accepted with those tokens. */
	apiKeys: Set<string>;
	sandboxes: Set<string>;
	ims: Ims;
}

export function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

export function authenticate(req: IncomingMessage, requestId: string, options: GatewayOptions): RequestContext {
	const authorization = header(req, 'authorization');
	if (!authorization || !/^Bearer\s+\S+/i.test(authorization)) throw gatewayError(403, '403010', 'Oauth token is missing.');
	const token = authorization.replace(/^Bearer\s+/i, '').trim();
	const fromIms = options.ims.clientOf(token);
	if (!options.tokens.has(token) && !(fromIms && !fromIms.expired)) throw gatewayError(401, '401013', 'Oauth token is not valid');
	const apiKey = header(req, 'x-api-key');
	if (!apiKey) throw gatewayError(403, '403000', 'Api Key is required');
	if (fromIms ? apiKey !== fromIms.clientId : !options.apiKeys.has(apiKey)) throw gatewayError(403, '403003', 'Api Key is invalid');
	const org = header(req, 'x-gw-ims-org-id');
	if (!org) throw gatewayError(400, '400003', 'Missing header');
	const sandbox = header(req, 'x-sandbox-name');
	if (!sandbox) throw flowError('sandboxMissing', 'The header x-sandbox-name is missing in the request. Please add the header in the request and try again.', requestId);
	if (!options.sandboxes.has(sandbox)) {
		throw flowError('sandboxNotFound', `The sandbox with the name '${sandbox}' could not be found. Please ensure that the sandbox name is correct and try again.`, requestId);
	}
	return { org, sandbox, clientId: apiKey, requestId };
}

/** A POST, PUT or PATCH body: JSON with a JSON content type, as the Platform requires. */
export async function readJsonBody(req: IncomingMessage, requestId: string): Promise<unknown> {
	const contentType = header(req, 'content-type') ?? '';
	if (!/^application\/(json|json-patch\+json)\b/i.test(contentType)) {
		throw new HttpError(400, { type: '/placeholder/type/uri', status: 400, title: 'BadRequestError', detail: 'A valid content-type must be specified' });
	}
	const text = await readText(req);
	try {
		return text ? JSON.parse(text) : undefined;
	} catch {
		throw flowError('badRequest', 'The request is invalid. Please check the request and try again.', requestId);
	}
}

export async function readText(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}
