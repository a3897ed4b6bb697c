"""Versioned schema migrations: never edit an applied one, append a new one."""

from __future__ import annotations

# Each migration is (version, name, statements). Never edit an applied one: append a new one.
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "articles and sentences",
        [
            """CREATE TABLE articles (
                article_id VARCHAR PRIMARY KEY,
                source VARCHAR,
                url VARCHAR,
                title VARCHAR,
                publisher VARCHAR,
                language VARCHAR,
                published DATE,
                published_origin VARCHAR,
                text VARCHAR NOT NULL,
                content_hash VARCHAR NOT NULL UNIQUE,
                ingested_at TIMESTAMP DEFAULT current_timestamp,
                provenance JSON
            )""",
            """CREATE TABLE sentences (
                article_id VARCHAR NOT NULL,
                idx INTEGER NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                text VARCHAR NOT NULL,
                role VARCHAR DEFAULT 'body',
                PRIMARY KEY (article_id, idx)
            )""",
        ],
    ),
    (
        2,
        "events",
        [
            """CREATE TABLE events (
                event_id VARCHAR PRIMARY KEY,
                article_id VARCHAR NOT NULL,
                sentence_idx INTEGER,
                start_char INTEGER,
                end_char INTEGER,
                date_text VARCHAR,
                date_start DATE,
                date_end DATE,
                precision VARCHAR,
                year_known BOOLEAN,
                summary VARCHAR,
                actors VARCHAR[],
                actor_types VARCHAR[],
                cluster_id VARCHAR
            )""",
        ],
    ),
    (
        3,
        "quotes",
        [
            """CREATE TABLE quotes (
                quote_id VARCHAR PRIMARY KEY,
                article_id VARCHAR NOT NULL,
                sentence_idx INTEGER,
                start_char INTEGER,
                end_char INTEGER,
                speaker VARCHAR,
                speaker_surface VARCHAR,
                speaker_role VARCHAR,
                speaker_type VARCHAR,
                kind VARCHAR,
                cue VARCHAR,
                text VARCHAR,
                said_on DATE,
                via VARCHAR,
                language VARCHAR
            )""",
        ],
    ),
    (
        4,
        "translation cache",
        [
            """CREATE TABLE translations (
                text_hash VARCHAR NOT NULL,
                source_lang VARCHAR NOT NULL,
                target_lang VARCHAR NOT NULL,
                provider VARCHAR NOT NULL,
                source_text VARCHAR NOT NULL,
                translated VARCHAR NOT NULL,
                created_at TIMESTAMP DEFAULT current_timestamp,
                PRIMARY KEY (text_hash, source_lang, target_lang, provider)
            )""",
        ],
    ),
    (
        5,
        "settings",
        [
            "CREATE TABLE settings (key VARCHAR PRIMARY KEY, value VARCHAR, updated_at TIMESTAMP DEFAULT current_timestamp)",
        ],
    ),
    (
        6,
        "audit of edits",
        [
            "CREATE SEQUENCE audit_seq",
            """CREATE TABLE audit (
                audit_id BIGINT PRIMARY KEY DEFAULT nextval('audit_seq'),
                changed_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
                who VARCHAR NOT NULL,
                action VARCHAR NOT NULL,
                article_id VARCHAR,
                target VARCHAR,
                before VARCHAR,
                after VARCHAR
            )""",
        ],
    ),
    (
        7,
        "year-unknown dates: NULL date, separate month and day",
        [
            # A date whose year is unknown used to be stored with the placeholder year 2000, which a SQL user or a
            # chart could take for a real date. Now date_start/date_end are NULL for it and month/day say the day.
            # month/day are filled for every day-precision row (and month for month precision), so
            # "every 25 December, any year" is one query.
            "ALTER TABLE events ADD COLUMN month INTEGER",
            "ALTER TABLE events ADD COLUMN day INTEGER",
            "UPDATE events SET month = month(date_start) WHERE precision IN ('day', 'month')",
            "UPDATE events SET day = day(date_start) WHERE precision = 'day'",
            "UPDATE events SET date_start = NULL, date_end = NULL WHERE year_known IS NOT TRUE",
            # a quote's said_on took the placeholder year only in articles without a publication date
            """UPDATE quotes SET said_on = NULL WHERE year(said_on) = 2000
               AND article_id IN (SELECT article_id FROM articles WHERE published IS NULL)""",
        ],
    ),
    (
        8,
        "statement groups and wire copy",
        [
            # One statement reported in several languages and outlets: every quote has a group (its own id when it
            # was reported once), the speaker it was grouped under (a later rename marks it stale) and why.
            """CREATE TABLE statement_groups (
                quote_id VARCHAR PRIMARY KEY,
                group_id VARCHAR NOT NULL,
                speaker VARCHAR,
                reason VARCHAR
            )""",
            # Articles that ran the same agency copy: near-identical text (MinHash over word shingles, checked
            # exactly) or a credit to the same agency; stored once per pair with article_id < other_id.
            """CREATE TABLE wire_copies (
                article_id VARCHAR NOT NULL,
                other_id VARCHAR NOT NULL,
                similarity DOUBLE,
                agency VARCHAR,
                reason VARCHAR,
                PRIMARY KEY (article_id, other_id)
            )""",
            """CREATE TABLE wire_credits (
                article_id VARCHAR NOT NULL,
                agency VARCHAR NOT NULL,
                evidence VARCHAR,
                PRIMARY KEY (article_id, agency)
            )""",
            "CREATE TABLE article_signatures (article_id VARCHAR PRIMARY KEY, signature UBIGINT[])",
        ],
    ),
    (
        9,
        "extraction state per article",
        [
            # Written in the same transaction as the article's events and quotes, so an article committed before a
            # crash (or kill -9) and never extracted has no row here and is found and repaired on the next start.
            # `error` holds why this extractor version failed on the article (the others went on).
            """CREATE TABLE extraction_state (
                article_id VARCHAR PRIMARY KEY,
                extractor VARCHAR NOT NULL,
                extracted_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
                error VARCHAR
            )""",
            # Before this table only the corpus-wide version was kept; an article with events or quotes was surely
            # extracted (rows are written all at once). An article with neither is re-extracted once, to be sure.
            """INSERT INTO extraction_state (article_id, extractor)
               SELECT a.article_id, s.value FROM articles a JOIN settings s ON s.key = 'extractor'
               WHERE a.article_id IN (SELECT article_id FROM events UNION SELECT article_id FROM quotes)""",
        ],
    ),
    (
        10,
        "quote evidence",
        [
            # What statement grouping compares, computed where each article is extracted (every core, or a cluster),
            # so grouping new quotes reads it instead of reading every neighbour's sentences again. A quote without a
            # row here (extracted before, or by an engine that does not compute it) gets it computed when grouped.
            """CREATE TABLE quote_evidence (
                quote_id VARCHAR PRIMARY KEY,
                words VARCHAR[],
                numbers VARCHAR[],
                entities VARCHAR[]
            )""",
        ],
    ),
    (
        11,
        "wire band index",
        [
            # Band keys of each signature (32 bands of 2 values), numbered by arrival in their bucket: the articles a
            # new one may copy are found by a join on its keys (pressdesk.store.wire_index).
            """CREATE TABLE article_bands (b UTINYINT NOT NULL, k UBIGINT NOT NULL, article_id VARCHAR NOT NULL,
                                           seq INTEGER NOT NULL)""",
            """INSERT INTO article_bands
               SELECT b, k, article_id, row_number() OVER (PARTITION BY b, k ORDER BY article_id)
               FROM (SELECT s.article_id, b::UTINYINT AS b, hash(s.signature[2 * b + 1], s.signature[2 * b + 2]) AS k
                     FROM article_signatures s, range(32) r(b) WHERE s.signature[1] <> 18446744073709551615::UBIGINT)""",
        ],
    ),
    (
        12,
        "first-view digests",
        [
            # One row per statement and per event cluster, kept in step by the last step of every write
            # (pressdesk.store.digest): the unfiltered Who-said-what and Timeline views read these, not every report.
            # Made on the first start after this migration (the repair `pipeline.refresh_if_stale` runs).
            """CREATE TABLE statement_digest (group_id VARCHAR, n BIGINT, h UBIGINT, first_day DATE,
                                              last_day DATE, reports BIGINT, languages_n BIGINT)""",
            """CREATE TABLE cluster_digest (cluster_id VARCHAR, n BIGINT, h UBIGINT, date_start DATE,
                                            date_end DATE, reports BIGINT, articles BIGINT, precision VARCHAR,
                                            summary VARCHAR, language VARCHAR, lead_actors VARCHAR[],
                                            date_text VARCHAR, actors VARCHAR[], languages VARCHAR[],
                                            publishers VARCHAR[])""",
        ],
    ),
    (
        13,
        "statement groups named by their smallest quote id",
        [
            # as pressdesk.story.statements names them now (they were named by their earliest report); the digest
            # rows follow their group, whose members do not change
            *(f"""UPDATE {table} SET group_id = m.first
                  FROM (SELECT group_id AS old, min(quote_id) AS first FROM statement_groups GROUP BY 1) m
                  WHERE {table}.group_id = m.old AND m.first <> m.old""" for table in ("statement_digest",
                                                                                       "statement_groups")),
        ],
    ),
]
