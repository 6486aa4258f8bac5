/**
 * A 401 with a credential that renews its own token. If another request renewed the token since
 * this one was sent, send again with the new one; otherwise renew — one renewal at a time, so that
 * twenty requests in flight when the token expires make one token request, not twenty.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import type { PlatformHttp, RawResponse } from './http';

export class TokenRenewal {
	private renewal?: Promise<unknown>;

	constructor(private readonly http: PlatformHttp) {}

	/** Sends, and on a 401 with a renewable credential renews the token and sends again. */
	async send<T>(options: IHttpRequestOptions): Promise<RawResponse<T>> {
		if (!this.http.renewable) return await this.http.send<T>(options);
		const tokenSent = await this.http.currentToken();
		const response = await this.http.send<T>(options);
		if (response.statusCode !== 401) return response;
		if ((await this.http.currentToken()) !== tokenSent) return await this.http.send<T>(options);
		// Another 401 may be renewing (or have begun while the token was read): wait for it and send
		// again. This check and the start below are in the same turn of the event loop, so one renewal
		// serves every request that met the expired token.
		if (this.renewal) {
			await this.renewal.catch(() => undefined);
			return await this.http.send<T>(options);
		}
		const renewing = this.renewAndSend<T>(options);
		this.renewal = renewing;
		try {
			return await renewing;
		} finally {
			if (this.renewal === renewing) this.renewal = undefined;
		}
	}

	/** n8n's helper renews on a 401 only when it may throw; its error carries the final answer's status and body. */
	private async renewAndSend<T>(options: IHttpRequestOptions): Promise<RawResponse<T>> {
		return await this.http.send<T>(options, true).catch((error: { httpCode?: string | null; context?: { data?: unknown } }) => {
			// No HTTP answer (n8n's httpCode null): the error itself, for the retry loop to read.
			const status = error?.httpCode === null || error?.httpCode === undefined ? Number.NaN : Number(error.httpCode);
			if (!Number.isInteger(status)) throw error;
			return { statusCode: status, headers: {}, body: error.context?.data as T };
		});
	}
}
