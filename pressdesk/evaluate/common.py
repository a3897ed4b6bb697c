"""Load a gold file's articles the way the product would ingest them (text-only or with feed metadata)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pressdesk import store
from pressdesk.ingest import ingest_docs
from pressdesk.readers import RawDoc, read_source

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class EvalArticle:
    file: str
    language: str
    text: str  # clean text as ingested
    published: date | None  # feed mode: the gold's published_feed; text mode: what ingestion found
    gold: dict
    article_id: str | None = None


def load_gold(path: str | Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def article_path(gold_path: str | Path, name: str) -> Path:
    """The gold's articles live in ../seeds or ../real beside the gold folder, or in data/articles."""
    shared = Path(gold_path).resolve().parent.parent
    for candidate in (shared / "seeds" / name, shared / "real" / name, ROOT / "data" / "articles" / name):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"article {name} of the gold file was not found")


def load_corpus(gold_path: str | Path, mode: str = "feed", con=None) -> list[EvalArticle]:
    """Ingest each gold article into a (fresh, in-memory) store and return it as the product sees it."""
    if mode not in ("text", "feed"):
        raise ValueError("mode must be 'text' or 'feed'")
    gold = load_gold(gold_path)
    con = con or store.connect(":memory:")
    out = []
    for item in gold["articles"]:
        [doc] = read_source(article_path(gold_path, item["file"]))
        if mode == "feed" and item.get("published_feed"):
            doc = RawDoc(source=doc.source, text=doc.text, meta={"published": item["published_feed"]})
        report = ingest_docs(con, item["file"], [doc])
        if report.failed:
            raise RuntimeError(f"{item['file']}: {report.failed[0][1]}")
        row = con.cursor().execute(
            "SELECT article_id, text, published, language FROM articles WHERE source = ? OR article_id = ?",
            [doc.source, (report.added or [""])[0]],
        ).fetchone()
        out.append(EvalArticle(file=item["file"], language=row[3] or item.get("language", "en"), text=row[1],
                               published=row[2], gold=item, article_id=row[0]))
    return out
