-- A tamper-evident audit log (ADR 20, design §15). Each event gets, when written, a keyed MAC of its content
-- (row_mac); a sealer then links sealed events into one chain per database: link n's MAC covers link n-1's
-- MAC, n, the event's id and its row MAC. Retention cuts the chain's oldest links at a signed checkpoint.
-- The keys derive from the server's secret key, which lives outside the database.

-- Events written before this version carry no row MAC (''): the first seal takes theirs, but only for ids up to
-- the head's adopt_through_id, so an event inserted by hand later can't be adopted. No default: every writer
-- states the MAC.
ALTER TABLE audit_event ADD COLUMN row_mac VARCHAR(64) DEFAULT '' NOT NULL;
ALTER TABLE audit_event ALTER COLUMN row_mac DROP DEFAULT;
ALTER TABLE audit_event ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_event ADD COLUMN chain_mac VARCHAR(64);
-- Walks the chain in order, and finds the events not sealed yet (chain_seq IS NULL).
CREATE UNIQUE INDEX ux_audit_event_chain_seq ON audit_event (chain_seq);

-- The newest link: the sealer locks this one row, so several servers on one database seal in turn.
CREATE TABLE audit_chain_head (
    id       INT PRIMARY KEY CHECK (id = 1),
    last_seq BIGINT NOT NULL,
    last_mac VARCHAR(64) NOT NULL,
    adopt_through_id BIGINT NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_mac, adopt_through_id)
SELECT 1, 0, '0000000000000000000000000000000000000000000000000000000000000000', COALESCE(MAX(id), 0) FROM audit_event;

-- Where retention cut the chain: the last removed link, its MAC, and a keyed signature over both.
CREATE TABLE audit_checkpoint (
    seq            BIGINT PRIMARY KEY,
    link_mac       VARCHAR(64) NOT NULL,
    cut_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    events_removed BIGINT NOT NULL,
    signature      VARCHAR(64) NOT NULL
);
