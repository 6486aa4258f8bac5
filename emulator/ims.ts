/**
 * Adobe IMS's OAuth Server-to-Server token endpoint (`POST /ims/token/v3`, form-encoded
 * client_credentials), and the register of the tokens it issued, for the gateway to check.
 */
import { randomBytes } from 'node:crypto';

import type { Clock } from './clock';

export const IMS_TOKEN_PATH = '/ims/token/v3';

export interface ImsClient {
	clientId: string;
	clientSecret: string;
	/** Scopes the client may ask for; all of them if absent. */
	scopes?: string[];
}

export class Ims {
	private readonly issued = new Map<string, { clientId: string; expiresAt: number }>();

	constructor(
		private readonly clients: ImsClient[],
		private readonly ttlSeconds: number,
		private readonly clock: Clock,
	) {}

	/** The client a live token was issued to, or undefined for a token IMS did not issue or that has expired. */
	clientOf(token: string): { clientId: string; expired: boolean } | undefined {
		const entry = this.issued.get(token);
		return entry && { clientId: entry.clientId, expired: entry.expiresAt <= this.clock.now() };
	}

	expireAll(): void {
		for (const entry of this.issued.values()) entry.expiresAt = 0;
	}

	issue(form: URLSearchParams): { status: number; body: unknown } {
		if (form.get('grant_type') !== 'client_credentials') {
			return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' } };
		}
		const client = this.clients.find((c) => c.clientId === form.get('client_id'));
		if (!client) return { status: 400, body: { error: 'invalid_client', error_description: 'invalid client_id parameter' } };
		if (client.clientSecret !== form.get('client_secret')) {
			return { status: 401, body: { error: 'invalid_client', error_description: 'invalid client_secret parameter' } };
		}
		const scopes = (form.get('scope') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
		if (scopes.length === 0 || (client.scopes && scopes.some((s) => !client.scopes!.includes(s)))) {
			return { status: 400, body: { error: 'invalid_scope', error_description: 'Invalid scope' } };
		}
		const token = `ims-${randomBytes(24).toString('hex')}`;
		this.issued.set(token, { clientId: client.clientId, expiresAt: this.clock.now() + this.ttlSeconds * 1000 });
		return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: this.ttlSeconds } };
	}
}
