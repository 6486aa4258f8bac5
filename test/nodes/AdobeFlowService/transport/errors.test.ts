import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Context } from '../../../../nodes/AdobeFlowService/transport/http';
import { FlowServiceError, readThrown } from '../../../../nodes/AdobeFlowService/transport/errors';

const node: INode = { id: 'n1', name: 'Flow Service', type: 'CUSTOM.adobeFlowService', typeVersion: 1, position: [0, 0], parameters: {} };
const context = { getNode: () => node } as unknown as Context;

describe('readThrown: what n8n threw when no HTTP answer came', () => {
	test.each([
		['a code', { code: 'ECONNREFUSED' }, 'ECONNREFUSED'],
		["n8n's rewritten message", { message: 'The service refused the connection - perhaps it is offline' }, 'ECONNREFUSED'],
		['a socket hang up', { message: 'socket hang up' }, 'ECONNRESET'],
		['a connection closed unexpectedly', { message: 'The connection to the server was closed unexpectedly, perhaps it is offline.' }, 'ECONNRESET'],
		['a cause with a code', { message: 'fetch failed', cause: { code: 'ECONNRESET' } }, 'ECONNRESET'],
		['a timeout in words', { message: 'The connection timed out, consider setting the Retry on Fail option' }, 'ETIMEDOUT'],
		["axios' timeout", { message: 'timeout of 300000ms exceeded' }, 'ECONNABORTED'],
		['an aborted connection', { messages: ['The connection was aborted, perhaps the server is offline'] }, 'ECONNABORTED'],
		['an unknown host, in the description', { message: 'x', description: 'The DNS server returned an error, perhaps the server is offline' }, 'EAI_AGAIN'],
		['the same words in another order: no code', { message: 'The host is incorrect' }, undefined],
		['ENOTFOUND', { code: 'ENOTFOUND' }, 'ENOTFOUND'],
		['an incorrect host in words', { message: 'x', messages: ['getaddrinfo failed: incorrect host'] }, 'ENOTFOUND'],
		['EPIPE', { message: 'write EPIPE' }, 'EPIPE'],
	])('%s', (_what, thrown, code) => {
		const failed = readThrown(thrown);
		if (code === undefined) expect(failed.networkCode).toBeUndefined();
		else expect(failed).toEqual({ networkCode: code });
	});

	test('the first pattern that matches wins, in a fixed order', () => {
		expect(readThrown({ message: 'socket hang up', code: 'ECONNREFUSED' })).toEqual({ networkCode: 'ECONNREFUSED' });
	});

	test('a lower-case code is read too; EPIPE only in capitals', () => {
		expect(readThrown({ message: 'econnreset by peer' })).toEqual({ networkCode: 'ECONNRESET' });
		expect(readThrown({ message: 'a pipe: epipe' })).toEqual({ fallbackMessage: 'a pipe: epipe' });
	});

	test('anything else keeps its message, or says the request failed', () => {
		expect(readThrown({ message: 'Something odd' })).toEqual({ fallbackMessage: 'Something odd' });
		expect(readThrown({ code: 42, messages: 'not a list' })).toEqual({ fallbackMessage: 'The request to the Platform failed' });
		expect(readThrown(undefined)).toEqual({ fallbackMessage: 'The request to the Platform failed' });
		expect(readThrown('ECONNRESET')).toEqual({ fallbackMessage: 'The request to the Platform failed' });
	});
});

describe('FlowServiceError', () => {
	test('an HTTP answer: a NodeApiError with the status, Platform code, message, hint and request id', () => {
		const error = FlowServiceError.from(
			context,
			{ status: 404, body: { type: 'https://ns.adobe.com/aep/errors/FLOW-1101-404', title: 'Not found', report: { 'detailed-message': 'No connection abc.', 'request-id': 'req-1' } } },
			[],
			3,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('No connection abc. [404 FLOW-1101-404]');
		expect(error.description).toMatch(/^Check the ID: nothing with it exists.*\. Request ID: req-1$/);
		expect(error.httpCode).toBe('404');
		expect(error.context.itemIndex).toBe(3);
		expect(error.failure).toEqual(expect.objectContaining({ status: 404, code: 'FLOW-1101-404', requestId: 'req-1' }));
		expect(error.node).toBe(node);
	});

	test('no HTTP answer: no status, the network code and its hint', () => {
		const error = FlowServiceError.from(context, { networkCode: 'ECONNREFUSED' }, [], undefined);
		// NodeApiError words a message that names a network code in n8n's own way.
		expect(error.message).toMatch(/refused the connection/);
		expect(error.failure).toEqual({ code: 'ECONNREFUSED', message: 'The connection to the Platform was refused', hint: 'Nothing answered at the Base URL of the credential: check it' });
		expect(error.httpCode).toBeNull();
		expect(error.description).toBe('Nothing answered at the Base URL of the credential: check it.');
		expect(error.context.itemIndex).toBeUndefined();
	});

	test('a body that is not JSON says so, with advice', () => {
		const error = FlowServiceError.from(context, { networkCode: 'ERR_INVALID_RESPONSE', status: 200 }, [], 0);
		expect(error.message).toBe('The Platform answered with a body that is not valid JSON [ERR_INVALID_RESPONSE]');
		expect(error.description).toBe('Run the workflow again later.');
	});

	test('only a message: kept as it is, without a code', () => {
		const error = FlowServiceError.from(context, { fallbackMessage: 'Something odd' }, [], 0);
		expect(error.message).toBe('Something odd');
		expect(error.description).toBeFalsy();
		// A message beside a status or a network code is not the one used.
		expect(FlowServiceError.from(context, { status: 502, fallbackMessage: 'ignored' }, [], 0).message).toMatch(/^The Platform answered HTTP 502/);
		expect(FlowServiceError.from(context, { networkCode: 'ETIMEDOUT', fallbackMessage: 'ignored' }, [], 0).failure).toMatchObject({ code: 'ETIMEDOUT', message: 'The Platform did not answer in time' });
	});

	test("the request's secrets are masked in the message and the hint", () => {
		const error = FlowServiceError.from(context, { fallbackMessage: 'login as analyst with pw s3cr3t-pw failed' }, ['s3cr3t-pw'], 0);
		expect(error.message).toMatch(/^login as analyst with pw \S+ failed$/);
		expect(error.message).not.toContain('s3cr3t-pw');
		const hinted = FlowServiceError.from(context, { status: 400, body: { error: 'invalid_scope', error_description: 'scope tok-123 is bad' } }, ['tok-123', 'invalid_scope'], 0);
		expect(hinted.message).not.toContain('tok-123');
		expect(hinted.description).toBe(`Check the scopes of the OAuth Server-to-Server credential.`);
	});
});
