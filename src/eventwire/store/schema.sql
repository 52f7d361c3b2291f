-- eventwire store schema (DuckDB). Every table is keyed by content-derived ids, so storing the
-- same input twice changes nothing.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY,          -- fingerprint of inputs + options + coder version
    inputs VARCHAR[],
    options VARCHAR,
    articles INTEGER, duplicates INTEGER, near_duplicates INTEGER, rejects INTEGER,
    events INTEGER, coder_version VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY,
    title VARCHAR, url VARCHAR, source VARCHAR,
    published VARCHAR, published_day DATE, published_source VARCHAR,
    origin VARCHAR, fmt VARCHAR, language VARCHAR,
    near_duplicate_of VARCHAR,
    text VARCHAR
);

CREATE TABLE IF NOT EXISTS sentences (
    article_id VARCHAR, idx INTEGER, paragraph INTEGER, start_char INTEGER, end_char INTEGER,
    text VARCHAR,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    article_id VARCHAR, sentence INTEGER, evidence_start INTEGER,
    trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    cameo_code VARCHAR, cameo_root VARCHAR, quad_class INTEGER, goldstein DOUBLE, cameo_name VARCHAR,
    plover_type VARCHAR, plover_mode VARCHAR, plover_context VARCHAR[],
    modality VARCHAR,
    date_start DATE, date_end DATE, date_precision VARCHAR, date_value VARCHAR, date_text VARCHAR,
    date_char_start INTEGER, date_char_end INTEGER, date_flags VARCHAR[],
    place_name VARCHAR, place_country VARCHAR, place_admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
    place_precision VARCHAR, place_text VARCHAR, place_geonameid BIGINT,
    place_char_start INTEGER, place_char_end INTEGER,
    confidence DOUBLE, pattern VARCHAR, coder_version VARCHAR,
    acled_type VARCHAR, acled_subtype VARCHAR
);
-- columns added after the first release (kept last so older files migrate in place)
ALTER TABLE events ADD COLUMN IF NOT EXISTS acled_type VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS acled_subtype VARCHAR;
-- false for a candidate under the counting threshold (NULL in files written before: counted)
ALTER TABLE events ADD COLUMN IF NOT EXISTS counted BOOLEAN;
ALTER TABLE events ADD COLUMN IF NOT EXISTS probability DOUBLE;

CREATE TABLE IF NOT EXISTS event_actors (
    event_id VARCHAR, role VARCHAR, position INTEGER,
    text VARCHAR, start_char INTEGER, end_char INTEGER,
    country VARCHAR, sector VARCHAR, name VARCHAR, kb_id VARCHAR, confidence DOUBLE,
    PRIMARY KEY (event_id, role, position)
);

CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
    name VARCHAR, country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
    precision VARCHAR, geonameid BIGINT,
    PRIMARY KEY (article_id, start_char)
);

CREATE TABLE IF NOT EXISTS quotes (
    quote_id VARCHAR PRIMARY KEY,
    article_id VARCHAR, sentence INTEGER, text VARCHAR, start_char INTEGER, end_char INTEGER,
    speaker_text VARCHAR, speaker_country VARCHAR, speaker_sector VARCHAR, speaker_name VARCHAR,
    cue VARCHAR
);

CREATE TABLE IF NOT EXISTS rejects (
    origin VARCHAR, stage VARCHAR, reason VARCHAR,
    PRIMARY KEY (origin, stage)
);
-- true when the event's place is a fallback (focus country, dateline), not stated for it
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_inferred BOOLEAN;
