"""Public phrase gold: the Duckling converter, the direction-fair backward readings and the side-by-side scoring."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from pressdesk.evaluate import phrases
from pressdesk.evaluate.__main__ import main as evaluate_main
from pressdesk.evaluate.bare import backward_spans, load_words
from pressdesk.evaluate.duckling import REFERENCE, convert, parse_corpus

PUBLIC = Path(__file__).resolve().parents[1] / "data" / "eval" / "public"
WORDS = load_words()

CORPUS = r'''
negativeCorpus = (testContext, testOptions, examples)
  where examples = [ examples (datetime (2099, 1, 1, 0, 0, 0) Day) [ "not in allExamples" ] ]

allExamples :: [Example]
allExamples = concat
  [ examples (datetime (2013, 2, 18, 0, 0, 0) Day)
             [ "lundi"
             , "lundi prochain"
             ]
  , examples (datetime (2013, 2, 12, 15, 0, 0) Hour)
    -- a comment line inside a block
             [ "à 15 heures" ]
  , examples (datetimeInterval ((2013, 6, 21, 0, 0, 0), (2013, 9, 24, 0, 0, 0)) Day) [ "cet été" ]
  , examples (datetimeInterval ((2013, 2, 12, 18, 0, 0), (2013, 2, 13, 0, 0, 0)) Hour) [ "ce soir" ]
  , examples (datetimeOpenInterval After (2013, 3, 8, 0, 0, 0) Day) [ "à partir du 8" ]
  , examples (datetime (2013, 2, 11, 0, 0, 0) Week) [ "cette semaine" ]
  , examples (datetime (2013, 1, 0, 0, 0, 0) Month) [ "le mois dernier" ]
  , examples (datetime (2013, 4, 1, 0, 0, 0) Quarter) [ "le prochain trimestre" ]
  , examples (datetime (2014, 0, 0, 0, 0, 0) Year) [ "l'année prochaine" ]
  , examples (datetime (-2014, 1, 1, 0, 0, 0) Year) [ "2014 av. J.-C." ]
  , examples (datetimeHoliday (2013, 12, 31, 0, 0, 0) Day "New Year's Eve") [ "la Saint-Sylvestre", "dans 1\"" ]
  , examples (datetimeHoliday (2013, 12, 31, 0, 0, 0) Day "New Year's Eve") [ "la saint-sylvestre" ]
  ]
'''


def test_parse_reads_only_all_examples_with_grain_numbers_and_escapes():
    examples = parse_corpus(CORPUS)
    assert len(examples) == 12  # the negative corpus before allExamples is not gold
    first = examples[0]
    assert (first.ctor, first.numbers, first.grain, first.phrases) == (
        "datetime", (2013, 2, 18, 0, 0, 0), "Day", ("lundi", "lundi prochain"))
    assert examples[1].phrases == ("à 15 heures",)  # the comment line is ignored
    holiday = examples[10]
    assert holiday.grain == "Day" and holiday.holiday == "New Year's Eve"  # "Year" in the name is not the grain
    assert holiday.phrases == ("la Saint-Sylvestre", 'dans 1"')


def test_convert_keeps_date_values_and_names_every_skip():
    rows, skipped = convert(CORPUS, "fr", "facebook/duckling Duckling/Time/FR/Corpus.hs@abc", WORDS)
    assert dict(skipped) == {"time-of-day": 1, "time-interval": 1, "open-interval": 1, "era": 1, "duplicate": 1}
    by_text = {r["text"]: r for r in rows}
    assert [r["id"] for r in rows][:2] == ["fr-0001", "fr-0002"]
    assert (by_text["lundi"]["value"], by_text["lundi"]["grain"]) == ("2013-02-18", "day")
    assert (by_text["cette semaine"]["value"], by_text["cette semaine"]["end"]) == ("2013-W07", "2013-02-17")
    assert (by_text["le mois dernier"]["start"], by_text["le mois dernier"]["end"]) == ("2013-01-01", "2013-01-31")
    assert by_text["le prochain trimestre"]["value"] == "2013-Q2"
    assert by_text["le prochain trimestre"]["end"] == "2013-06-30"
    assert by_text["l'année prochaine"]["value"] == "2014"
    # a season is kept since issue 9 built the class: Duckling's interval, end exclusive, TIMEX3 value
    assert (by_text["cet été"]["grain"], by_text["cet été"]["value"]) == ("season", "2013-SU")
    assert (by_text["cet été"]["start"], by_text["cet été"]["end"]) == ("2013-06-21", "2013-09-23")
    assert all(r["reference"] == "2013-02-12" and r["source"].endswith("@abc") for r in rows)
    assert by_text["lundi"]["bare"] == "weekday" and by_text["lundi"]["also"] == [["2013-02-11", "2013-02-11"]]
    assert "also" not in by_text["lundi prochain"]


def _bare(phrase: str, lang: str, value: date, grain: str = "day"):
    return backward_spans(phrase, lang, grain, value, REFERENCE, WORDS)


def test_backward_readings_of_bare_phrases():
    assert _bare("lundi", "fr", date(2013, 2, 18)) == ("weekday", [(date(2013, 2, 11), date(2013, 2, 11))])
    # the reference is itself a Tuesday: "mardi" may be that day or the Tuesday before
    assert _bare("Martedì", "it", date(2013, 2, 19))[1] == [(date(2013, 2, 12),) * 2, (date(2013, 2, 5),) * 2]
    assert _bare("le 2 mars", "fr", date(2013, 3, 2)) == ("day-month", [(date(2012, 3, 2), date(2012, 3, 2))])
    assert _bare("17/02", "fr", date(2013, 2, 17))[0] == "day-month"
    assert _bare("il 19", "it", date(2013, 2, 19)) == ("day", [(date(2013, 1, 19), date(2013, 1, 19))])
    assert _bare("Marți 19", "ro", date(2013, 2, 19)) == ("weekday-day", [(date(2012, 6, 19),) * 2])
    assert _bare("Noël", "fr", date(2013, 12, 25)) == ("named-day", [(date(2012, 12, 25),) * 2])
    assert _bare("in March", "en", date(2013, 3, 1), "month") == (
        "month", [(date(2012, 3, 1), date(2012, 3, 31))])


def test_qualified_dated_or_already_past_phrases_are_not_bare():
    assert _bare("lundi prochain", "fr", date(2013, 2, 18)) is None
    assert _bare("mardi en huit", "fr", date(2013, 2, 19)) is None
    assert _bare("le 3 mars 2015", "fr", date(2015, 3, 3)) is None
    assert _bare("lundi 18 février", "fr", date(2013, 2, 18)) is None  # the weekday fixes the year
    assert _bare("in due settimane", "it", date(2013, 2, 26)) is None
    assert _bare("Sunday, Feb 10", "en", date(2013, 2, 10)) is None  # Duckling already read it backward


def _row(start: str, end: str, also: list | None = None) -> dict:
    row = {"id": "x", "lang": "fr", "text": "t", "reference": "2013-02-12", "value": start, "start": start, "end": end}
    return row | ({"also": also} if also else {})


def test_direction_fair_scoring_accepts_the_backward_reading_only_for_bare_rows():
    bare = _row("2013-02-18", "2013-02-18", [["2013-02-11", "2013-02-11"]])
    plain = _row("2013-02-18", "2013-02-18")
    backward = ("lundi", date(2013, 2, 11), date(2013, 2, 11))
    assert phrases.is_right(bare, backward)
    assert not phrases.is_right(plain, backward)
    assert phrases.is_right(plain, ("lundi", date(2013, 2, 18), date(2013, 2, 18)))
    assert not phrases.is_right(plain, None)
    assert not phrases.is_right(plain, ("lundi", None, None))  # a year it does not know is no answer


def test_a_reading_must_lie_inside_the_gold_span():
    day = _row("2013-02-19", "2013-02-19")
    month = _row("2013-03-01", "2013-03-31")
    assert not phrases.is_right(day, ("dans une semaine", date(2013, 2, 18), date(2013, 2, 24)))  # week for a day
    assert phrases.is_right(month, ("mars", date(2013, 3, 1), date(2013, 3, 31)))
    assert phrases.is_right(month, ("mars", date(2013, 3, 12), date(2013, 3, 12)))  # dateparser's point


def test_score_counts_per_language_and_lists_misses():
    rows = [_row("2013-02-18", "2013-02-18") | {"id": "fr-1"}, _row("2013-02-19", "2013-02-19") | {"id": "fr-2"}]

    def reader(text, lang, reference):
        return text, date(2013, 2, 18), date(2013, 2, 18)

    result = phrases.score(rows, reader)["fr"]
    assert (result.ok, result.n) == (1, 2)
    assert result.misses == ["fr-2 't' want 2013-02-19 got 't'=2013-02-18"]


def test_cli_prints_both_readers_side_by_side(tmp_path, capsys):
    gold = tmp_path / "g.jsonl"
    rows = [_row("2013-02-13", "2013-02-13") | {"text": "demain"}, _row("2013-02-11", "2013-02-11") | {"text": "hier"}]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert evaluate_main(["date-phrases", "--phrases", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "pressdesk.dates" in out and "dateparser" in out
    assert "fr" in out and "(2/2)" in out  # pressdesk reads demain and hier


def test_committed_public_gold_has_provenance_and_only_date_grains():
    assert (PUBLIC / "LICENSE-duckling").read_text(encoding="utf-8").startswith("BSD License")
    rows = phrases.load_gold([PUBLIC])
    assert {r["lang"] for r in rows} == {"en", "fr", "it", "ro"}
    assert {r["grain"] for r in rows} <= {"day", "week", "month", "quarter", "season", "year"}
    assert all(r["source"].startswith("facebook/duckling Duckling/Time/") and "@" in r["source"] for r in rows)
    assert all(r["reference"] == "2013-02-12" and r["start"] <= r["end"] for r in rows)
