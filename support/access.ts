/**
 * Who the emulator lets in, for the tests and `npm run compat` alike: an organisation, an access
 * token and an API key. Kept apart from harness.ts, which needs jest, so that scripts can use them.
 */
export const ORG = 'C0FFEE00000000000000000A@AdobeOrg';
export const TOKEN = 'canary-token-3c1f70a2';
export const API_KEY = 'emulator-client';
