// The sample database in a process of its own: PGlite (PostgreSQL compiled to WebAssembly)
// served over the PostgreSQL wire protocol on a loopback port. It prints one JSON line with the
// port when ready and stops when its parent closes its standard input or goes away.
const { PGlite } = require('@electric-sql/pglite');
const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');

const SEED = `
CREATE SCHEMA IF NOT EXISTS sales;
CREATE TABLE sales.customers (
	id integer PRIMARY KEY,
	name text NOT NULL,
	email varchar(200),
	city text,
	is_active boolean NOT NULL,
	lifetime_value numeric(12,2),
	created_at timestamptz NOT NULL
);
INSERT INTO sales.customers VALUES
	(1, 'Ada Lovelace', 'ada@example.com', 'London', true, 1520.50, '2024-01-15T09:30:00Z'),
	(2, 'José Álvarez', 'jose@example.es', 'Málaga', true, 310.00, '2024-02-01T14:05:00Z'),
	(3, '山田 太郎', NULL, '東京', false, NULL, '2024-03-10T00:00:00Z'),
	(4, 'Zoë Ødegård', 'zoe@example.no', NULL, true, 42.42, '2024-04-22T18:45:10Z');
CREATE TABLE sales.orders (
	order_id bigint PRIMARY KEY,
	customer_id integer NOT NULL,
	amount double precision NOT NULL,
	currency char(3) NOT NULL,
	paid boolean,
	ordered_on date NOT NULL,
	note text
);
INSERT INTO sales.orders VALUES
	(1001, 1, 99.90, 'EUR', true, '2024-05-01', 'first order'),
	(1002, 2, 15.00, 'EUR', false, '2024-05-03', NULL),
	(1003, 1, 250.75, 'GBP', true, '2024-06-11', 'gift; wrapped = yes');
CREATE TABLE public.events (
	event_id uuid PRIMARY KEY,
	kind text NOT NULL,
	payload jsonb,
	happened_at timestamp NOT NULL
);
INSERT INTO public.events VALUES
	('6f1c1c3e-3a52-4c0a-9c55-1a2b3c4d5e6f', 'signup', '{"plan":"free"}', '2024-01-15 09:31:00'),
	('0b7e9a2d-8f14-4d0e-a1b2-c3d4e5f60718', 'upgrade', '{"plan":"pro"}', '2024-02-20 11:00:00');
`;

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
