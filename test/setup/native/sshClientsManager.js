// n8n-core/dist/execution-engine/ssh-clients-manager, loaded once per process outside jest's module registry (see mutationEnvironment.js).
module.exports = globalThis.__nativeRequire('n8n-core/dist/execution-engine/ssh-clients-manager');
