/**
 * One exchange through n8n's request helper, with a recording helper in its place: the URL, headers,
 * JSON and timeout it is given, the credential read once, and what comes back (errors as answers,
 * a failed download's bytes read as the Platform's error).
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { Context } from '../../../../nodes/AdobeFlowService/transport/http';
import { CREDENTIAL_TYPES, credentialTypeFor, DEFAULT_BASE_URL, PlatformHttp, SERVICE_PATHS } from '../../../../nodes/AdobeFlowService/transport/http';

interface Call {
	self: unknown;
	type: string;
	options: IHttpRequestOptions;
	extra: IDataObject;
}

function recording(data: IDataObject, answer: { statusCode: number; headers?: unknown; body?: unknown } = { statusCode: 200, headers: {}, body: {} }, credentials?: IDataObject) {
	const calls: Call[] = [];
	let reads = 0;
	const context = {
		getNode: () => ({ id: 'n1', name: 'Flow Service', credentials }),
		getCredentials: async (type: string) => {
			reads++;
			return { ...data, readAs: type };
		},
		helpers: {
			async httpRequestWithAuthentication(this: unknown, type: string, options: IHttpRequestOptions, extra: IDataObject) {
				calls.push({ self: this, type, options, extra });
				return answer;
			},
		},
	} as unknown as Context;
	return { context, calls, reads: () => reads };
}

describe('credentialTypeFor and renewable', () => {
	test('the Authentication parameter names the credential type; anything else is the access token', () => {
		expect(credentialTypeFor('serverToServer')).toBe('flowServiceServerToServerApi');
		expect(credentialTypeFor('accessToken')).toBe('flowServiceApi');
		expect(credentialTypeFor(undefined)).toBe('flowServiceApi');
		expect(credentialTypeFor('toString')).toBe('flowServiceApi');
	});

	test('only the OAuth Server-to-Server credential renews its own token', () => {
		const { context } = recording({});
		expect(new PlatformHttp(context, CREDENTIAL_TYPES.serverToServer, 1000).renewable).toBe(true);
		expect(new PlatformHttp(context, CREDENTIAL_TYPES.accessToken, 1000).renewable).toBe(false);
	});
});

describe('credentialsOnce', () => {
	test('reads the credential once, named by its id on the node, or by its type', async () => {
		const named = recording({ accessToken: 'a' }, undefined, { flowServiceApi: { id: 'cred-7', name: 'mine' } });
		const http = new PlatformHttp(named.context, 'flowServiceApi', 1000);
		const [first, second] = await Promise.all([http.credentialsOnce(), http.credentialsOnce()]);
		expect(await http.currentToken()).toBe('a');
		expect(first).toBe(second);
		expect(named.reads()).toBe(1);
		expect(first).toEqual({ id: 'cred-7', name: 'flowServiceApi', type: 'flowServiceApi', data: { accessToken: 'a', readAs: 'flowServiceApi' } });
		const unnamed = recording({});
		expect((await new PlatformHttp(unnamed.context, 'flowServiceServerToServerApi', 1000).credentialsOnce()).id).toBe('flowServiceServerToServerApi');
	});
});

describe('options', () => {
	const optionsFor = async (data: IDataObject, exchange: Parameters<PlatformHttp['options']>[0]) => await new PlatformHttp(recording(data).context, 'flowServiceApi', 2500).options(exchange);

	test('a GET: the base URL without trailing slashes, the service path, the query, JSON, the timeout', async () => {
		const options = await optionsFor({ baseUrl: ' http://platform.test// ' }, { method: 'GET', path: '/connections?x=1', qs: { limit: 5 } });
		expect(options).toEqual({
			method: 'GET',
			url: 'http://platform.test/data/foundation/flowservice/connections?x=1',
			qs: { limit: 5 },
			headers: { Accept: 'application/json' },
			json: true,
			returnFullResponse: true,
			timeout: 2500,
			arrayFormat: 'repeat',
		});
	});

	test('no base URL, or a blank one, is the Platform', async () => {
		for (const baseUrl of [undefined, '', '   ', 42]) {
			expect((await optionsFor({ baseUrl }, { method: 'GET', path: '/x' })).url).toBe(`${DEFAULT_BASE_URL}/data/foundation/flowservice/x`);
		}
	});

	test.each(Object.entries(SERVICE_PATHS))('the %s service is under %s', async (service, path) => {
		const options = await optionsFor({ baseUrl: 'http://p' }, { method: 'GET', path: '/y', service: service as keyof typeof SERVICE_PATHS });
		expect(options.url).toBe(`http://p${path}/y`);
	});

	test('a body is sent as JSON with its Content-Type; headers of the request are kept, Accept can be replaced', async () => {
		const options = await optionsFor({}, { method: 'POST', path: '/connections', body: { name: 'n' }, headers: { 'If-Match': '"1"', Accept: 'text/csv' } });
		expect(options.body).toEqual({ name: 'n' });
		expect(options.headers).toEqual({ Accept: 'text/csv', 'If-Match': '"1"', 'Content-Type': 'application/json' });
		const empty = await optionsFor({}, { method: 'POST', path: '/x', body: '' });
		expect(empty.body).toBe('');
		expect(empty.headers).toHaveProperty('Content-Type', 'application/json');
		const none = await optionsFor({}, { method: 'DELETE', path: '/x' });
		expect(none).not.toHaveProperty('body');
		expect(none.headers).not.toHaveProperty('Content-Type');
	});

	test('a download asks for bytes, not JSON', async () => {
		const options = await optionsFor({}, { method: 'GET', path: '/files/1', service: 'dataaccess', download: true });
		expect(options).toMatchObject({ json: false, encoding: 'arraybuffer', returnFullResponse: true });
	});
});

describe('send', () => {
	const options: IHttpRequestOptions = { method: 'GET', url: 'http://p/x', json: true };

	test("HTTP errors come back as answers unless asked to throw; the credential goes with the call, on n8n's context", async () => {
		const { context, calls } = recording({ accessToken: 't' }, { statusCode: 404, headers: { 'x-request-id': 'r1' }, body: { message: 'no' } });
		const http = new PlatformHttp(context, 'flowServiceApi', 1000);
		expect(await http.send(options)).toEqual({ statusCode: 404, headers: { 'x-request-id': 'r1' }, body: { message: 'no' } });
		await http.send(options, true);
		expect(calls[0].self).toBe(context);
		expect(calls[0].type).toBe('flowServiceApi');
		expect(calls[0].options).toEqual({ ...options, ignoreHttpStatusErrors: true });
		expect(calls[1].options).toEqual(options);
		expect(calls[0].extra).toEqual({ credentialsDecrypted: await http.credentialsOnce() });
	});

	test("headers with toJSON (axios') are read as plain ones; no headers are none", async () => {
		const axiosLike = { toJSON: () => ({ etag: '"2"' }), etag: 'not this' };
		expect((await new PlatformHttp(recording({}, { statusCode: 200, headers: axiosLike, body: {} }).context, 'flowServiceApi', 1).send(options)).headers).toEqual({ etag: '"2"' });
		expect((await new PlatformHttp(recording({}, { statusCode: 200, headers: undefined, body: {} }).context, 'flowServiceApi', 1).send(options)).headers).toEqual({});
		expect((await new PlatformHttp(recording({}, { statusCode: 200, headers: 'text', body: {} }).context, 'flowServiceApi', 1).send(options)).headers).toEqual({});
	});

	test("a failed download's bytes are read as JSON, or as text; a good one's stay bytes", async () => {
		const send = async (statusCode: number, body: Buffer) => (await new PlatformHttp(recording({}, { statusCode, headers: {}, body }).context, 'flowServiceApi', 1).send(options)).body;
		expect(await send(404, Buffer.from('{"error_code":"404"}'))).toEqual({ error_code: '404' });
		expect(await send(500, Buffer.from('<html>down</html>'))).toBe('<html>down</html>');
		expect(await send(199, Buffer.from('"early"'))).toBe('early');
		const bytes = Buffer.from('{"a":1}');
		expect(await send(200, bytes)).toBe(bytes);
		expect(await send(299, bytes)).toBe(bytes);
		expect(await send(300, bytes)).toEqual({ a: 1 });
	});
});
