-- attain's store, SQLite dialect. The PostgreSQL migration of the same version holds the same
-- tables, columns and constraints; only identity columns are spelled differently.
-- Dates are ISO 8601 text (YYYY-MM-DD); money is exact decimal text; times are RFC 3339 UTC text.

CREATE TABLE imports (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    imported_at   TEXT    NOT NULL,
    imported_by   TEXT    NOT NULL,
    source        TEXT    NOT NULL,
    checksum      TEXT    NOT NULL,
    partners      BIGINT  NOT NULL,
    associations  BIGINT  NOT NULL,
    consumption   BIGINT  NOT NULL,
    people        BIGINT  NOT NULL,
    achievements  BIGINT  NOT NULL
);

CREATE TABLE partners (
    id         TEXT   PRIMARY KEY,
    name       TEXT   NOT NULL,
    country    TEXT   NOT NULL,
    market     TEXT,
    import_id  BIGINT NOT NULL REFERENCES imports (id)
);

CREATE TABLE associations (
    partner_id   TEXT NOT NULL REFERENCES partners (id),
    customer_id  TEXT NOT NULL,
    kind         TEXT NOT NULL,
    start_date   TEXT NOT NULL,
    end_date     TEXT
);
CREATE INDEX associations_by_partner ON associations (partner_id);

CREATE TABLE consumption (
    customer_id  TEXT   NOT NULL,
    consumed_on  TEXT   NOT NULL,
    -- The row's USD value in micro-dollars (an integer, as text: it may exceed 64 bits).
    usd_micros   TEXT   NOT NULL,
    import_id    BIGINT NOT NULL REFERENCES imports (id)
);
CREATE INDEX consumption_by_customer_day ON consumption (customer_id, consumed_on);

CREATE TABLE people (
    id          TEXT PRIMARY KEY,
    partner_id  TEXT NOT NULL REFERENCES partners (id),
    name        TEXT NOT NULL,
    joined_on   TEXT,
    left_on     TEXT
);
CREATE INDEX people_by_partner ON people (partner_id);

CREATE TABLE achievements (
    person_id    TEXT NOT NULL REFERENCES people (id),
    credential   TEXT NOT NULL,
    achieved_on  TEXT NOT NULL
);
CREATE INDEX achievements_by_person ON achievements (person_id);

CREATE TABLE snapshots (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    program    TEXT   NOT NULL,
    version    TEXT   NOT NULL,
    as_of      TEXT   NOT NULL,
    taken_at   TEXT   NOT NULL,
    import_id  BIGINT REFERENCES imports (id),
    UNIQUE (program, as_of)
);

CREATE TABLE decisions (
    snapshot_id            BIGINT NOT NULL REFERENCES snapshots (id),
    partner_id             TEXT   NOT NULL,
    level                  TEXT   NOT NULL,
    consumption_usd        TEXT   NOT NULL,
    qualified_individuals  BIGINT NOT NULL,
    drops_on               TEXT,
    PRIMARY KEY (snapshot_id, partner_id)
);
CREATE INDEX decisions_by_partner ON decisions (partner_id);

CREATE TABLE tokens (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    -- SHA-256 of the token, hex; the token itself is never stored.
    hash        TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'partner')),
    partner_id  TEXT,
    label       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT,
    CHECK ((role = 'partner') = (partner_id IS NOT NULL))
);
