"""Wire copy: two outlets running the same agency text are found (MinHash candidates, exact check), unrelated texts
are not, and an agency credit is told apart from a passing citation."""

from __future__ import annotations

from pressdesk import store
from pressdesk.ingest import ingest_upload
from pressdesk.story import wire

WIRE = ("North Korea's foreign minister Choe Son Hui arrived in Moscow on Friday for talks with her Russian "
        "counterpart Sergei Lavrov, as Washington said some 8,000 North Korean troops had been deployed to the Kursk "
        "border region. The two ministers praised what they called very close contacts between their armies and "
        "security services. Lavrov said the ties allowed important problems to be solved for the security of the "
        "citizens of both countries. Choe said Pyongyang would stand with Russia until its victory in Ukraine, and "
        "thanked President Vladimir Putin for his leadership.")
TRIMMED = ("MOSCOW (AFP) - " + WIRE.replace("on Friday", "on Friday 1 November").rsplit(" Choe said", 1)[0]
           + " Read more on our website.")
OTHER = ("The central bank left its key rate unchanged on Thursday, saying inflation had eased for a third month "
         "while wages kept rising faster than prices in most regions of the country.")


def test_a_trimmed_and_edited_copy_is_the_same_wire_copy_and_another_story_is_not():
    phrases = {"a": wire.shingles(WIRE), "b": wire.shingles(TRIMMED), "c": wire.shingles(OTHER)}
    sigs = {k: wire.signature(v) for k, v in phrases.items()}
    loads: list[str] = []
    copies = wire.same_copies({k: list(phrases) for k in phrases}, sigs, load=lambda ks: loads.extend(ks) or {k: phrases[k] for k in ks})
    assert [(c.article_id, c.other_id) for c in copies] == [("a", "b")]
    assert copies[0].similarity >= wire.SAME_COPY and "5-word phrases shared" in copies[0].reason
    assert sorted(loads) == ["a", "b"]  # the unrelated story is ruled out by its signature, its text never read


def test_phrases_ignore_accents_case_and_punctuation():
    assert set(wire.shingles("Şefa diplomaţiei nord-coreene, Choe Son Hui!").tolist()) == \
        set(wire.shingles("sefa diplomatiei nord coreene choe son hui").tolist())
    assert wire.containment(wire.shingles(WIRE), wire.shingles(OTHER)) == 0.0


def test_credits_are_bylines_brackets_and_closing_relays_not_citations():
    assert [c.agency for c in wire.credits("Titre\nC.Bo. avec AFP\nLe texte.", "fr")] == ["AFP"]
    assert [c.agency for c in wire.credits("(ANSA) - NAPOLI, 24 FEB - Il sindaco ha detto.", "it")] == ["ANSA"]
    assert [c.agency for c in wire.credits("China susţine industria de apărare a Rusiei, transmite AFP.", "ro")] == ["AFP"]
    assert wire.credits("Reuters a rapporté le 21 octobre que le Kremlin avait refusé de répondre.", "fr") == []
    assert wire.credits("Some text.", "en", publisher="Agence France-Presse")[0].evidence == \
        "published by Agence France-Presse"


def test_ingesting_two_outlets_stores_the_pair_and_their_shared_agency(con):
    ingest_upload(con, "first.txt", ("Outlet one\n" + WIRE + "\nWith AFP").encode())
    ingest_upload(con, "second.txt", TRIMMED.encode())
    ingest_upload(con, "third.txt", OTHER.encode())
    pairs = store.df(con, "SELECT * FROM wire_copies")
    assert len(pairs) == 1 and pairs["agency"].iloc[0] == "AFP"
    assert set(store.df(con, "SELECT agency FROM wire_credits")["agency"]) == {"AFP"}
    assert store.df(con, "SELECT count(*) AS n FROM article_signatures")["n"].iloc[0] == 3


def test_story_features_are_stored_at_extraction_and_computed_later_when_an_engine_left_none(con):
    """The workers store signatures, credits and quote evidence; a store without them (an older version, or an
    engine that does not compute them) gets them computed when stories are refreshed, with the same results."""
    from pressdesk.pipeline import refresh_stories

    for name, text in (("first.txt", "Outlet one\n" + WIRE + "\nWith AFP"), ("second.txt", TRIMMED),
                       ("third.txt", OTHER)):
        ingest_upload(con, name, text.encode())
    quotes = store.df(con, "SELECT quote_id FROM quotes WHERE speaker IS NOT NULL")
    assert len(quotes) >= 2
    assert set(store.df(con, "SELECT quote_id FROM quote_evidence")["quote_id"]) >= set(quotes["quote_id"])
    troops = store.df(con, "SELECT e.* FROM quote_evidence e JOIN quotes q USING (quote_id)"
                           " WHERE q.text LIKE '%8,000 North Korean troops%'")
    assert len(troops) == 2  # the wire copy and its trimmed run: numbers, content words and the sentence's names
    assert list(troops["numbers"].iloc[0]) == ["8000"] and "deployed" in list(troops["words"].iloc[0])
    assert {"Kursk", "Sergei Lavrov"} <= set(troops["entities"].iloc[0])
    before = (store.df(con, "SELECT quote_id, group_id FROM statement_groups ORDER BY 1"),
              store.df(con, "SELECT article_id, other_id, agency FROM wire_copies ORDER BY 1, 2"))
    for table in ("quote_evidence", "article_signatures", "wire_credits", "statement_groups", "wire_copies"):
        con.execute(f"DELETE FROM {table}")
    refresh_stories(con, None)
    assert store.df(con, "SELECT count(*) AS n FROM article_signatures")["n"].iloc[0] == 3
    assert before[0].equals(store.df(con, "SELECT quote_id, group_id FROM statement_groups ORDER BY 1"))
    assert before[1].equals(store.df(con, "SELECT article_id, other_id, agency FROM wire_copies ORDER BY 1, 2"))
    assert len(before[1]) == 1


def test_the_band_index_numbers_arrivals_per_bucket_and_finds_the_copy(con):
    from pressdesk.store import wire_index

    ids = [ingest_upload(con, n, t.encode()).added[0] for n, t in (("a.txt", WIRE), ("b.txt", TRIMMED),
                                                                     ("c.txt", OTHER))]
    rows = con.execute("SELECT article_id, count(*), max(seq) FROM article_bands GROUP BY 1 ORDER BY 1").fetchall()
    assert sorted(r[0] for r in rows) == sorted(ids) and all(r[1] == wire_index.BANDS for r in rows)
    shared = con.execute("SELECT b, k FROM article_bands WHERE article_id = ? INTERSECT"
                         " SELECT b, k FROM article_bands WHERE article_id = ?", ids[:2]).fetchall()
    assert shared  # the trimmed copy shares buckets with the wire text, where it arrived second
    assert con.execute("SELECT seq FROM article_bands WHERE article_id = ? AND (b, k) = (?, ?)",
                       [ids[1], *shared[0]]).fetchone()[0] == 2
    found = wire_index.candidates(con, ids)
    assert ids[1] in found[ids[0]] and ids[2] not in found.get(ids[0], [])
    with store.writing(con) as w:  # indexing again replaces the article's keys, never adds to them
        wire_index.index(w, [ids[0]])
    assert con.execute("SELECT count(*) FROM article_bands WHERE article_id = ?", [ids[0]]).fetchone()[0] == 32



def test_the_wire_check_of_a_run_reads_the_phrases_its_workers_hashed(con, monkeypatch, tmp_path):
    """The exact check of new articles uses the phrase hashes extraction computed for their signatures; only the
    articles stored before the run are hashed again, and the pairs found are the same."""
    from pressdesk import parallel, pipeline
    from pressdesk.ingest import ingest
    from pressdesk.sentences import split_sentences

    item = parallel.ArticleInput("a", WIRE, "en", None, tuple(split_sentences(WIRE, "en")))
    features = parallel.extract_safely(item).features
    assert features is not None and features.phrases is not None
    assert (features.phrases == wire.shingles(WIRE)).all()
    assert features.signature == [int(x) for x in wire.signature(wire.shingles(WIRE))]

    ingest_upload(con, "first.txt", ("Outlet one\n" + WIRE + "\nWith AFP").encode())
    files = []
    for name, text in (("second.txt", TRIMMED), ("third.txt", OTHER)):
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")
    ingest(con, files, extract=False)
    new = [r[0] for r in con.execute("SELECT article_id FROM articles ANTI JOIN extraction_state USING (article_id)"
                                     " ORDER BY 1").fetchall()]
    hashed: list[str] = []
    finishing = []
    shingles, finish = wire.shingles, pipeline.finish
    monkeypatch.setattr(wire, "shingles", lambda text, *a: (hashed.append(text) if finishing else None) or shingles(text))
    monkeypatch.setattr(pipeline, "finish", lambda *a, **k: finishing.append(1) or finish(*a, **k))
    pipeline.extract_articles(con, new, workers=1)
    assert finishing and len(new) == 2
    assert len(hashed) == 1 and WIRE in hashed[0]  # only the article stored before the run is hashed again
    pairs = store.df(con, "SELECT * FROM wire_copies")
    assert len(pairs) == 1 and pairs["agency"].iloc[0] == "AFP"
