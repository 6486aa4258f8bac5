/**
 * The retry loop on its own: a scripted Platform behind n8n's request helper, and a clock that
 * records the waits instead of waiting. What is sent again, what is looked up instead, and when.
 */
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Clock } from '../../../../nodes/AdobeFlowService/transport/clock';
import { FlowServiceClient, FlowServiceError } from '../../../../nodes/AdobeFlowService/transport';
import { DEFAULT_RETRY_POLICY } from '../../../../nodes/AdobeFlowService/transport/retryPolicy';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | { network: string };

function scripted(answers: Answer[]) {
	const sent: IHttpRequestOptions[] = [];
	const slept: number[] = [];
	let now = 0;
	const clock: Clock = { now: () => now, random: () => 0, sleep: async (ms) => void (slept.push(ms), (now += ms)) };
	const context = {
		getNode: () => ({ id: '1', name: 'Flow Service', type: 'adobeFlowService', typeVersion: 1, position: [0, 0], parameters: {}, credentials: {} }),
		getCredentials: async () => ({ accessToken: 't', apiKey: 'c', imsOrgId: 'o@AdobeOrg', sandboxName: 'prod', baseUrl: 'http://platform.test' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				sent.push(options);
				const answer = answers.shift() ?? { status: 500 };
				if ('network' in answer) throw Object.assign(new Error(answer.network), { code: answer.network });
				return { statusCode: answer.status, headers: answer.headers ?? {}, body: answer.body };
			},
		},
	} as unknown as IExecuteFunctions;
	return { client: new FlowServiceClient(context, 'flowServiceApi', { clock }), sent, slept };
}

const created = { status: 201, body: { id: 'new', etag: '"1"' } };

test('a read is sent again after a 502, after a back-off taken through the clock', async () => {
	const { client, sent, slept } = scripted([{ status: 502 }, { status: 200, body: { items: [] } }]);
	const response = await client.request({ method: 'GET', path: '/connections' });
	expect(response).toMatchObject({ statusCode: 200, recovered: false });
	expect(sent).toHaveLength(2);
	expect(slept).toEqual([DEFAULT_RETRY_POLICY.baseDelayMs / 2]);
	expect(sent[0].url).toBe('http://platform.test/data/foundation/flowservice/connections');
});

test('a create whose answer is lost is not sent again blindly: the recovery finds it after the settle time', async () => {
	const { client, sent, slept } = scripted([{ network: 'ECONNRESET' }]);
	const lookup = jest.fn(async () => ({ id: 'found', etag: '"2"' }));
	const response = await client.request({ method: 'POST', path: '/connections', body: {}, idempotent: false, recovery: { lookup } });
	expect(response).toMatchObject({ body: { id: 'found' }, recovered: true });
	expect(sent).toHaveLength(1);
	expect(lookup).toHaveBeenCalledTimes(1);
	expect(slept).toEqual([DEFAULT_RETRY_POLICY.createSettleMs]);
});

test('when the recovery finds nothing, the create is sent again, at most createAttempts times in all', async () => {
	const { client, sent, slept } = scripted([{ status: 502 }, created]);
	const response = await client.request({ method: 'POST', path: '/connections', body: {}, idempotent: false, recovery: { lookup: async () => undefined } });
	expect(response).toMatchObject({ body: { id: 'new' }, recovered: false });
	expect(sent).toHaveLength(2);
	expect(slept).toEqual([DEFAULT_RETRY_POLICY.createSettleMs]);

	const again = scripted([{ status: 502 }, { status: 504 }, { status: 503 }, created]);
	const error = await again.client.request({ method: 'POST', path: '/connections', body: {}, idempotent: false, recovery: { lookup: async () => undefined } }).catch((e: unknown) => e);
	expect(error).toBeInstanceOf(FlowServiceError);
	expect((error as FlowServiceError).failure.status).toBe(503);
	expect(again.sent).toHaveLength(DEFAULT_RETRY_POLICY.createAttempts);
	expect(again.slept).toEqual([DEFAULT_RETRY_POLICY.createSettleMs, 2 * DEFAULT_RETRY_POLICY.createSettleMs]);
});

test('a create refused with a 4xx is reported, never looked up or sent again; a 429 is sent again (never processed)', async () => {
	const lookup = jest.fn(async () => undefined);
	const refused = scripted([{ status: 400, body: { type: 'x/FLOW-1304-400', title: 'Bad Request', report: { 'detailed-message': 'missing' } } }]);
	await expect(refused.client.request({ method: 'POST', path: '/connections', body: {}, idempotent: false, recovery: { lookup } })).rejects.toThrow('missing [400 FLOW-1304-400]');
	expect(lookup).not.toHaveBeenCalled();
	const throttled = scripted([{ status: 429, headers: { 'retry-after': '2' } }, created]);
	await throttled.client.request({ method: 'POST', path: '/connections', body: {}, idempotent: false, recovery: { lookup } });
	expect(throttled.sent).toHaveLength(2);
	expect(throttled.slept).toEqual([2000]);
	expect(lookup).not.toHaveBeenCalled();
});

test('a resend that meets the status declared as "already done" (a delete meeting 404) is a success', async () => {
	const { client } = scripted([{ status: 502 }, { status: 404 }]);
	const response = await client.request({ method: 'DELETE', path: '/connections/x', recovery: { resentStatuses: [404], lookup: async () => ({}) } });
	expect(response.recovered).toBe(true);
});

test('but not when nothing before it can have been processed: a first 404, or a 404 after a 429', async () => {
	const recovery = { resentStatuses: [404], lookup: async () => ({}) };
	await expect(scripted([{ status: 404 }]).client.request({ method: 'DELETE', path: '/connections/x', recovery })).rejects.toBeInstanceOf(FlowServiceError);
	await expect(scripted([{ status: 429 }, { status: 404 }]).client.request({ method: 'DELETE', path: '/connections/x', recovery })).rejects.toBeInstanceOf(FlowServiceError);
});

test('an update meeting 412 on a resend is a success only if the lookup sees the change', async () => {
	const seen = { resentStatuses: [412], lookup: async () => ({ id: 'x', etag: '"3"' }) };
	expect((await scripted([{ network: 'ETIMEDOUT' }, { status: 412 }]).client.request({ method: 'PATCH', path: '/connections/x', body: [], idempotent: true, recovery: seen })).body).toEqual({ id: 'x', etag: '"3"' });
	const notSeen = { resentStatuses: [412], lookup: async () => undefined };
	await expect(scripted([{ network: 'ETIMEDOUT' }, { status: 412 }]).client.request({ method: 'PATCH', path: '/connections/x', body: [], idempotent: true, recovery: notSeen })).rejects.toBeInstanceOf(FlowServiceError);
});

test('a 2xx that is not JSON is a failure that a read sends again; secrets never reach the message', async () => {
	const { client, sent } = scripted([{ status: 200, body: '<html>' }, { status: 200, body: { ok: true } }]);
	expect((await client.request({ method: 'GET', path: '/x' })).body).toEqual({ ok: true });
	expect(sent).toHaveLength(2);
	const leaky = scripted([{ status: 400, body: { error_code: '400000', message: 'bad password hunter2' } }]);
	await expect(leaky.client.request({ method: 'POST', path: '/x', body: {}, secrets: ['hunter2'] })).rejects.toThrow('bad password ********** [400 400000]');
});

test('a read that keeps meeting 503 is sent once and then `retries` more times, then reported with its status', async () => {
	const { client, sent, slept } = scripted(Array.from({ length: 10 }, () => ({ status: 503 })));
	await expect(client.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({ httpCode: '503' });
	expect(sent).toHaveLength(DEFAULT_RETRY_POLICY.retries + 1);
	expect(slept).toEqual([250, 500, 1000, 2000]);
});

test('a 300 is reported with its status, not read as a broken 2xx', async () => {
	const { client, sent } = scripted([{ status: 300, body: { message: 'choose' } }]);
	await expect(client.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({ httpCode: '300' });
	expect(sent).toHaveLength(1);
});

test('a status the request takes as an answer comes back with its headers and body, not as recovered', async () => {
	const { client } = scripted([{ status: 404, body: { message: 'nothing kept' }, headers: { 'x-request-id': 'r9' } }]);
	expect(await client.request({ method: 'GET', path: '/files/1', service: 'dataaccess', answerStatuses: [404] })).toEqual({
		statusCode: 404,
		headers: { 'x-request-id': 'r9' },
		body: { message: 'nothing kept' },
		recovered: false,
	});
	const bare = scripted([{ status: 404 }]);
	bare.sent.length = 0;
	expect((await bare.client.request({ method: 'GET', path: '/y', answerStatuses: [404] })).headers).toEqual({});
});

/**
 * A Platform whose answers the test gives, one at a time, to requests it holds; a clock whose sleeps
 * end at once, recorded, and whose time stands still unless `advancing`.
 */
function held(options: { maxConcurrency?: number; cancelled?: () => boolean; advancing?: boolean } = {}) {
	const pending: Array<{ path: string; answer: (answer: { status: number; headers?: Record<string, string>; body?: unknown }) => void }> = [];
	const slept: number[] = [];
	let now = 0;
	const clock: Clock = { now: () => now, random: () => 0, sleep: async (ms) => void (slept.push(ms), (now += options.advancing ? ms : 0)) };
	const signal = { get aborted() { return options.cancelled?.() ?? false; } } as AbortSignal;
	const context = {
		getNode: () => ({ id: '1', name: 'Flow Service', type: 'adobeFlowService', typeVersion: 1, position: [0, 0], parameters: {}, credentials: {} }),
		getCredentials: async () => ({ accessToken: 't', apiKey: 'c', imsOrgId: 'o@AdobeOrg', sandboxName: 'prod', baseUrl: 'http://platform.test' }),
		getExecutionCancelSignal: () => signal,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, sent: IHttpRequestOptions) =>
				await new Promise((resolve) => pending.push({ path: String(sent.url).replace('http://platform.test/data/foundation/flowservice', ''), answer: ({ status, headers, body }) => resolve({ statusCode: status, headers: headers ?? {}, body: body ?? {} }) })),
		},
	} as unknown as IExecuteFunctions;
	const client = new FlowServiceClient(context, 'flowServiceApi', { clock, maxConcurrency: options.maxConcurrency });
	const settled = async () => {
		for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
	};
	return { client, pending, slept, settled };
}

test.each([
	[503, 2],
	[429, 2],
	[500, 4],
])('a %i while 4 are in flight leaves %i in flight: 429 and 503 cut what is allowed, other failures do not', async (status, after) => {
	const { client, pending, settled } = held({ maxConcurrency: 4 });
	const requests = Array.from({ length: 8 }, (_, i) => client.request({ method: 'GET', path: `/${i}` }).catch(() => 'failed'));
	await settled();
	expect(pending).toHaveLength(4);
	pending.shift()!.answer({ status });
	await settled();
	// Three still held; what else went out is what the limit allows beside them.
	expect(pending.length).toBe(Math.max(3, after));
	while (pending.length > 0) {
		pending.shift()!.answer({ status: 200 });
		await settled();
	}
	expect(await Promise.all(requests)).toHaveLength(8);
});

test('a 429 with Retry-After holds every request back until then; without one, or a 503, only its own', async () => {
	for (const [answer, othersWait] of [
		[{ status: 429, headers: { 'retry-after': '2' } }, true],
		[{ status: 429 }, false],
		[{ status: 503, headers: { 'retry-after': '2' } }, false],
	] as const) {
		const { client, pending, slept, settled } = held();
		const first = client.request({ method: 'GET', path: '/first' });
		await settled();
		pending.shift()!.answer(answer);
		await settled();
		// The first is sent again after its own wait; a second request starts now (the clock stands still).
		expect(slept[0]).toBe(answer.status === 429 && !('headers' in answer) ? DEFAULT_RETRY_POLICY.throttleBaseDelayMs / 2 : 2000);
		const before = slept.length;
		const second = client.request({ method: 'GET', path: '/second' });
		await settled();
		expect(slept.slice(before)).toEqual(othersWait ? [2000] : []);
		let done = false;
		const both = Promise.all([first, second]).finally(() => (done = true));
		while (!done) {
			for (const request of pending.splice(0)) request.answer({ status: 200 });
			await settled();
		}
		expect((await both).map((response) => response.statusCode)).toEqual([200, 200]);
	}
});

test('a cancelled execution sends nothing again and waits for nothing', async () => {
	let cancelled = false;
	const { client, pending, slept, settled } = held({ cancelled: () => cancelled, advancing: true });
	const request = client.request({ method: 'GET', path: '/x' });
	await settled();
	cancelled = true;
	pending.shift()!.answer({ status: 503 });
	await expect(request).rejects.toMatchObject({ httpCode: '503' });
	expect(pending).toHaveLength(0);
	await client.pause(5_000);
	expect(slept).toEqual([]);
	cancelled = false;
	await client.pause(1_500);
	expect(slept).toEqual([1000, 500]);
});
