-- schema version 2: near-duplicate signatures kept across runs, and canonical events (one event
-- reported by several articles). Applied once to a version 1 file, in one transaction.
CREATE TABLE IF NOT EXISTS article_minhash (
    article_id VARCHAR PRIMARY KEY,
    seq BIGINT,                          -- order the article was indexed in (ties go earliest)
    threshold DOUBLE, num_perm INTEGER, shingle INTEGER, scheme VARCHAR,  -- datasketch's
    hashvalues BLOB                      -- num_perm little-endian uint64
);

CREATE TABLE IF NOT EXISTS canonical_events (
    canonical_id VARCHAR PRIMARY KEY,    -- the event_id of its first report
    dyad VARCHAR,                        -- the two sides' countries, sorted: 'FRA|NER'
    source_country VARCHAR, target_country VARCHAR,   -- as the first report has them
    source_sector VARCHAR, target_sector VARCHAR,
    cameo_code VARCHAR, cameo_root VARCHAR, plover_type VARCHAR,
    date_start DATE, date_end DATE,      -- the first report's interval (else its article's day)
    place_country VARCHAR, place_admin1 VARCHAR, place_name VARCHAR,
    num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER,
    first_seen DATE, last_seen DATE      -- publication days of the first and last report
);

ALTER TABLE events ADD COLUMN IF NOT EXISTS canonical_id VARCHAR;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS mentions INTEGER;

CREATE OR REPLACE VIEW canonical_mentions AS
SELECT e.canonical_id, e.event_id, e.article_id, e.sentence, e.evidence_start,
       e.trigger_start, e.trigger_end, a.source AS publisher, a.published_day
FROM events e JOIN articles a USING (article_id)
WHERE e.canonical_id IS NOT NULL;
