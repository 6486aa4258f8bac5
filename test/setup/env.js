// n8n-core's ExecuteContext reads its instance settings from a user folder: give each run its own.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'flow-service-n8n-'));
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
