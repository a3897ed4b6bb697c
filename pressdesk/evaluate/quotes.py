"""Quote evaluation: P/R/F1 by evidence containment, speaker accuracy, attribution F1, kind accuracy."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pressdesk.entities import canonical_name
from pressdesk.quotes import Quote, extract_quotes

_MARKS = re.compile(r"[«»“”„\"‹›‘’']")
_ARTICLES = {"le", "la", "les", "l", "the", "a", "an", "il", "lo", "gli", "i", "un", "une", "una", "uno", "o", "des"}


def norm_text(s: str) -> str:
    """Whitespace and quote marks do not matter for containment."""
    s = unicodedata.normalize("NFC", s).replace("ş", "ș").replace("ţ", "ț").replace("Ş", "Ș").replace("Ţ", "Ț")
    return re.sub(r"\s+", " ", _MARKS.sub("", s)).strip()


def norm_name(s: str | None) -> str:
    """Case-, diacritic- and leading-article-insensitive name key."""
    if not s:
        return ""
    s = unicodedata.normalize("NFD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    words = re.findall(r"\w+", s)
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    speaker_ok: int = 0  # strict: the system name is the gold name or a listed alias (normalised)
    speaker_id_ok: int = 0  # identity: strict, or both names map to the same gazetteer entity
    kind_ok: int = 0
    lines: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for k in ("tp", "fp", "fn", "speaker_ok", "speaker_id_ok", "kind_ok"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def figures(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"P": p, "R": r, "F1": f, "speaker_acc": self.speaker_ok / self.tp if self.tp else 0.0,
                "attribution_F1": self._attribution(self.speaker_ok),
                "speaker_acc_identity": self.speaker_id_ok / self.tp if self.tp else 0.0,
                "attribution_F1_identity": self._attribution(self.speaker_id_ok),
                "kind_acc": self.kind_ok / self.tp if self.tp else 0.0}

    def _attribution(self, ok: int) -> float:
        ap = ok / (self.tp + self.fp) if self.tp + self.fp else 0.0
        ar = ok / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 2 * ap * ar / (ap + ar) if ap + ar else 0.0


def speaker_ok(system: str | None, gold: dict) -> bool:
    names = {norm_name(gold.get("speaker"))} | {norm_name(a) for a in gold.get("aliases", [])}
    return norm_name(system) in names - {""}


def speaker_same_entity(system: str | None, gold: dict) -> bool:
    """Identity-based: strict match, or canonical_name() maps the system speaker and the gold speaker (or one
    of its aliases) to the same gazetteer entity ('Vassily Nebenzia' vs 'Vassili Nebenzia')."""
    if speaker_ok(system, gold):
        return True
    mine = canonical_name(system) if system else None
    if mine is None:
        return False
    return any(n and canonical_name(n) == mine for n in [gold.get("speaker"), *gold.get("aliases", [])])


def score_article(quotes: list[Quote], gold_quotes: list[dict], label: str) -> Tally:
    """Greedy one-to-one matching of system quotes to gold quotes (evidence inside the system text)."""
    t = Tally()
    used: set[int] = set()
    optional_hit: set[int] = set()
    for g in gold_quotes:
        ev = norm_text(g["evidence"])
        cands = [i for i, q in enumerate(quotes) if i not in used and ev in norm_text(q.text)]
        cands.sort(key=lambda i: (not speaker_ok(quotes[i].speaker, g), len(quotes[i].text)))
        if not cands:
            if g.get("required", True):
                t.fn += 1
                t.lines.append(f"  MISS {label}: [{g['kind']}] {g['speaker']} / {g.get('cue', '')} :: {g['evidence']}")
            continue
        i = cands[0]
        used.add(i)
        if not g.get("required", True):
            optional_hit.add(i)
            continue
        t.tp += 1
        q = quotes[i]
        if speaker_ok(q.speaker, g):
            t.speaker_ok += 1
            t.speaker_id_ok += 1
        elif speaker_same_entity(q.speaker, g):
            t.speaker_id_ok += 1
            t.lines.append(f"  SPEAKER~ {label}: got {q.speaker!r}, want {g['speaker']!r} (same entity, other spelling)"
                           f" :: {g['evidence'][:60]}")
        else:
            t.lines.append(f"  SPEAKER {label}: got {q.speaker!r}, want {g['speaker']!r} :: {g['evidence'][:60]}")
        if q.kind == g["kind"]:
            t.kind_ok += 1
        else:
            t.lines.append(f"  KIND {label}: got {q.kind}, want {g['kind']} :: {g['evidence'][:60]}")
    for i, q in enumerate(quotes):
        if i not in used:
            t.fp += 1
            t.lines.append(f"  FP {label}: [{q.kind}] {q.speaker!r} / {q.cue!r} :: {q.text[:100]!r}")
    return t


def _print(title: str, per_lang: dict[str, Tally], total: Tally) -> None:
    print(title)
    print("  (strict = gold name or alias; identity = same gazetteer entity via canonical_name, spelling variants ok)")
    for lang, t in sorted(per_lang.items()) + [("ALL", total)]:
        f = t.figures()
        print(f"  {lang:4s} tp={t.tp:3d} fp={t.fp:3d} fn={t.fn:3d}  P={f['P']:.3f} R={f['R']:.3f} F1={f['F1']:.3f}  "
              f"speaker_acc strict={f['speaker_acc']:.3f} identity={f['speaker_acc_identity']:.3f}  "
              f"attribution_F1 strict={f['attribution_F1']:.3f} identity={f['attribution_F1_identity']:.3f}  "
              f"kind_acc={f['kind_acc']:.3f}")


def _load_articles(gold_path: str) -> list[tuple[str, str, str, date | None, list[dict]]]:
    try:
        from pressdesk.evaluate.common import load_corpus

        return [(a.file, a.language, a.text, a.published, a.gold.get("quotes", [])) for a in load_corpus(gold_path)]
    except Exception as exc:  # noqa: BLE001 - fall back to the raw files when ingestion is unavailable
        print(f"(load_corpus unavailable: {exc}; reading raw files)")
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
        base = Path(gold_path).resolve().parent.parent / "seeds"
        out = []
        for a in gold["articles"]:
            pub = a.get("published_feed")
            out.append((a["file"], a["language"], (base / a["file"]).read_text(encoding="utf-8"),
                        date.fromisoformat(pub) if pub else None, a.get("quotes", [])))
        return out


def run(gold_path: str) -> int:
    """Score extract_quotes against a gold/1 file; print figures, misses and false positives."""
    per_lang: dict[str, Tally] = defaultdict(Tally)
    total = Tally()
    for name, lang, text, published, gold_quotes in _load_articles(gold_path):
        t = score_article(extract_quotes(text, lang, published), gold_quotes, name[:12])
        per_lang[lang].add(t)
        total.add(t)
        for line in t.lines:
            print(line)
    _print(f"quotes vs {gold_path}", per_lang, total)
    return 0


def run_cases(path: str) -> int:
    """Score a jsonl case set: {"lang", "text", "published"?, "quotes": [{speaker, aliases?, kind, evidence}]}."""
    per_lang: dict[str, Tally] = defaultdict(Tally)
    total = Tally()
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        case = json.loads(line)
        pub = date.fromisoformat(case["published"]) if case.get("published") else None
        t = score_article(extract_quotes(case["text"], case["lang"], pub), case.get("quotes", []),
                          case.get("id", f"case{n}"))
        per_lang[case["lang"]].add(t)
        total.add(t)
        for out in t.lines:
            print(out)
    _print(f"quote cases {path}", per_lang, total)
    return 0
