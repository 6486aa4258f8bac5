// The sample database in a process of its own: PGlite (PostgreSQL compiled to WebAssembly)
// served over the PostgreSQL wire protocol on a loopback port. It prints one JSON line with the
// port when ready and stops when its parent closes its standard input or goes away.
const { PGlite } = require('@electric-sql/pglite');
const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');

const { SEED } = require('./sampleData');

async function main() {
	const port = Number(process.argv[2] || 0);
	const db = await PGlite.create();
	if (process.argv[3] !== 'empty') await db.exec(SEED);
	const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 16 });
	await server.start();
	process.stdout.write(JSON.stringify({ port: server.server.address().port }) + '\n');
	const stop = async () => {
		await server.stop().catch(() => undefined);
		await db.close().catch(() => undefined);
		process.exit(0);
	};
	process.stdin.on('end', stop);
	process.stdin.on('close', stop);
	process.stdin.resume();
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	process.on('disconnect', stop);
}

main().catch((error) => {
	process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
	process.exit(1);
});
