-- 006: asynchronous requests accepted while InGe is down (BAMF-KT:
-- "asynchrone Datenverarbeitung"). An accepted request is an acknowledged
-- write: it stays here until it is applied, in order of arrival, and leaves
-- in the same transaction that applies it.

CREATE TABLE warteschlange (
    id             INTEGER PRIMARY KEY AUTOINCREMENT, -- order of arrival
    eingang        TEXT NOT NULL,
    benutzer       TEXT NOT NULL,
    traegernummer  TEXT NOT NULL,
    operation      TEXT NOT NULL,
    vorgangsnummer TEXT NOT NULL,
    -- The request element as the contract's XML (canonical, no secrets).
    anfrage        BLOB NOT NULL
) STRICT;
