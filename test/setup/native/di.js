// @n8n/di, loaded once per process outside jest's module registry (see mutationEnvironment.js).
module.exports = globalThis.__nativeRequire('@n8n/di');
