-- 007: one clock per store. A store is a sandbox, and a sandbox has one
-- "today" (DESIGN.md), but 001 gave each Traeger a clock of its own. The
-- admin API has always set the clocks of all Traeger of a sandbox at once,
-- so they agree; where they differ (set through the Go API only), the
-- clock of the lowest Traegernummer is kept. No row means real time, as
-- before.

CREATE TABLE uhr_je_store (
    id        INTEGER PRIMARY KEY CHECK (id = 1), -- the one row
    frozen_at TEXT,
    offset_ns INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO uhr_je_store (id, frozen_at, offset_ns)
SELECT 1, frozen_at, offset_ns FROM uhr ORDER BY traegernummer LIMIT 1;

DROP TABLE uhr;

ALTER TABLE uhr_je_store RENAME TO uhr;
