/**
 * A 401 with a credential that renews its own token, with a scripted PlatformHttp in place of n8n:
 * sent again with a token another request renewed, one renewal for many 401s, and a failed renewal
 * read back as the Platform's answer.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import type { PlatformHttp, RawResponse } from '../../../../nodes/AdobeFlowService/transport/http';
import { TokenRenewal } from '../../../../nodes/AdobeFlowService/transport/renewal';

/** A Platform that refuses any token but the current one; `renew` (a send that may throw) makes a new token. */
function platform(renewable = true) {
	let token = 'old';
	let valid = 'new';
	const log: string[] = [];
	let renewals = 0;
	let renewFails: unknown;
	const http = {
		renewable,
		currentToken: async () => token,
		send: async (options: IHttpRequestOptions, throwHttpErrors = false): Promise<RawResponse<unknown>> => {
			log.push(`${String(options.url)} ${token}${throwHttpErrors ? ' throwing' : ''}`);
			if (throwHttpErrors && token !== valid) {
				renewals++;
				await new Promise((resolve) => setImmediate(resolve));
				if (renewFails) throw renewFails;
				token = valid;
			}
			return token === valid ? { statusCode: 200, headers: {}, body: { ok: token } } : { statusCode: 401, headers: {}, body: { error_code: '401013' } };
		},
	};
	return {
		renewal: new TokenRenewal(http as unknown as PlatformHttp),
		log,
		renewals: () => renewals,
		setToken: (next: string) => (token = next),
		expire: (next: string) => (valid = next),
		failRenewalWith: (error: unknown) => (renewFails = error),
	};
}

const get = (url: string): IHttpRequestOptions => ({ method: 'GET', url });

test('an access token is sent as it is: a 401 comes back, nothing renewed', async () => {
	const p = platform(false);
	expect(await p.renewal.send(get('/a'))).toMatchObject({ statusCode: 401 });
	expect(p.log).toEqual(['/a old']);
	expect(p.renewals()).toBe(0);
});

test('a 200 is returned as it is, with no second send', async () => {
	const p = platform();
	p.setToken('new');
	expect(await p.renewal.send(get('/a'))).toEqual({ statusCode: 200, headers: {}, body: { ok: 'new' } });
	expect(p.log).toEqual(['/a new']);
});

test("a 401 renews the token through n8n's throwing send, which sends again", async () => {
	const p = platform();
	expect(await p.renewal.send(get('/a'))).toMatchObject({ statusCode: 200, body: { ok: 'new' } });
	expect(p.log).toEqual(['/a old', '/a old throwing']);
	expect(p.renewals()).toBe(1);
});

test('twenty 401s at once make one renewal; the others are sent again with its token', async () => {
	const p = platform();
	const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => p.renewal.send(get(`/${i}`))));
	expect(answers.every((answer) => answer.statusCode === 200)).toBe(true);
	expect(p.renewals()).toBe(1);
	expect(p.log.filter((line) => line.endsWith('throwing'))).toHaveLength(1);
	expect(p.log.filter((line) => line.endsWith(' new'))).toHaveLength(19);
});

test('a token renewed by another request since this one was sent: sent again, not renewed', async () => {
	const p = platform();
	const first = p.renewal.send(get('/a'));
	// Another request renews before this one's 401 is read.
	p.setToken('new');
	expect(await first).toMatchObject({ statusCode: 200 });
	expect(p.renewals()).toBe(0);
});

test("a renewal that ends in an HTTP error is that error's answer; a renewal that fails otherwise throws", async () => {
	const p = platform();
	p.failRenewalWith({ httpCode: '403', context: { data: { error_code: '403003', message: 'Api Key is invalid' } } });
	expect(await p.renewal.send(get('/a'))).toEqual({ statusCode: 403, headers: {}, body: { error_code: '403003', message: 'Api Key is invalid' } });
	const q = platform();
	const offline = new Error('getaddrinfo ENOTFOUND ims');
	q.failRenewalWith(offline);
	await expect(q.renewal.send(get('/a'))).rejects.toBe(offline);
	q.failRenewalWith({ httpCode: null, message: 'no code' });
	await expect(q.renewal.send(get('/b'))).rejects.toEqual({ httpCode: null, message: 'no code' });
	// After a failed renewal the next 401 renews again: nothing is left waiting on the old one.
	q.failRenewalWith(undefined);
	expect(await q.renewal.send(get('/c'))).toMatchObject({ statusCode: 200 });
});

test('a renewal after the token expired again is a new one', async () => {
	const p = platform();
	await p.renewal.send(get('/a'));
	p.expire('newer');
	expect(await p.renewal.send(get('/b'))).toMatchObject({ statusCode: 200, body: { ok: 'newer' } });
	expect(p.renewals()).toBe(2);
});
