-- Each customer's consumption summed per day (attain_engine::encode_days: a day's date, rows
-- and micro-dollars, fixed width), kept in step with `consumption` by every import: what a
-- server loads instead of every row.
CREATE TABLE consumption_days (
    customer_id  TEXT   PRIMARY KEY,
    days         BLOB NOT NULL
);

-- Derived tables to build again from the facts before the store is used, by name: a store
-- that held consumption before this migration builds its days once, when it is next opened.
CREATE TABLE rebuilds (name TEXT PRIMARY KEY);
INSERT INTO rebuilds (name) SELECT 'consumption_days' WHERE EXISTS (SELECT 1 FROM consumption);
