/**
 * The emulator account the tests and scripts sign in with: its IMS org, access token, API key and
 * client secret (canaries: a test that finds one in an output or a log has found a leak). Free of
 * jest, so that scripts can import it.
 */
export const ORG = 'C0FFEE00000000000000000A@AdobeOrg';
export const TOKEN = 'canary-token-3c1f70a2';
export const API_KEY = 'emulator-client';
export const CLIENT_SECRET = 'canary-client-secret-7f3a9';
