// The sample data: a small sales database (customers, orders, events) with nulls, non-ASCII text,
// dates and times. SEED in PostgreSQL's SQL, for the embedded database (embeddedDatabaseProcess.js)
// and a real PostgreSQL server; MYSQL_SEED the same rows in MySQL's, for a real MySQL or MariaDB
// server, where a database is its own schema (no `sales.`) and a boolean is tinyint(1).
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

const MYSQL_SEED = `
CREATE TABLE customers (
	id integer PRIMARY KEY,
	name text NOT NULL,
	email varchar(200),
	city text,
	is_active boolean NOT NULL,
	lifetime_value decimal(12,2),
	created_at datetime(3) NOT NULL
) CHARACTER SET utf8mb4;
INSERT INTO customers VALUES
	(1, 'Ada Lovelace', 'ada@example.com', 'London', true, 1520.50, '2024-01-15 09:30:00'),
	(2, 'José Álvarez', 'jose@example.es', 'Málaga', true, 310.00, '2024-02-01 14:05:00'),
	(3, '山田 太郎', NULL, '東京', false, NULL, '2024-03-10 00:00:00'),
	(4, 'Zoë Ødegård', 'zoe@example.no', NULL, true, 42.42, '2024-04-22 18:45:10');
CREATE TABLE orders (
	order_id bigint PRIMARY KEY,
	customer_id integer NOT NULL,
	amount double NOT NULL,
	currency char(3) NOT NULL,
	paid boolean,
	ordered_on date NOT NULL,
	note text
) CHARACTER SET utf8mb4;
INSERT INTO orders VALUES
	(1001, 1, 99.90, 'EUR', true, '2024-05-01', 'first order'),
	(1002, 2, 15.00, 'EUR', false, '2024-05-03', NULL),
	(1003, 1, 250.75, 'GBP', true, '2024-06-11', 'gift; wrapped = yes');
`;

module.exports = { SEED, MYSQL_SEED };
