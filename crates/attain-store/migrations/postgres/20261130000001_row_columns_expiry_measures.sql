-- Columns some programs read: a consumption row's service and offer category (NULL when the
-- export has none), and when an achievement expires (NULL: it does not).
ALTER TABLE consumption ADD COLUMN service TEXT;
ALTER TABLE consumption ADD COLUMN offer TEXT;
ALTER TABLE achievements ADD COLUMN expires_on TEXT;

-- Values reported per customer, measure and day (measures.csv), e.g. a workload's active users.
CREATE TABLE measures (
    customer_id  TEXT   NOT NULL,
    measure      TEXT   NOT NULL,
    reported_on  TEXT   NOT NULL,
    -- A whole number, as text: it may exceed 64 bits.
    value        TEXT   NOT NULL,
    import_id    BIGINT NOT NULL REFERENCES imports (id),
    PRIMARY KEY (customer_id, measure, reported_on)
);
