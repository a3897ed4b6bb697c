"""The language-generic date regexes (absolute forms), built from one language's prefixes, joiners and orders."""

from __future__ import annotations

from pressdesk.dates.text import DAY_GUARD, DAY_NUM, YEAR, B, E, alternation, fold, literal_words

_CUT = "(?P<cut>)"  # where the first end of a range stops ("dal 2020| al 2022"): a range gives two mentions


def prefix(words: list[str], optional: bool = True) -> str:
    """Leading article/preposition kept inside the mention ('le', 'on'); "l'" and "mi-" glue to the next word."""
    spaced = [w for w in words if not w.endswith(("'", "’", "-"))]
    glued = [w for w in words if w.endswith(("'", "’", "-"))]
    return rf"(?:(?:{alternation(spaced)})\s+|(?:{alternation(glued)})){'?' if optional else ''}"


def _day(name: str, words: str, guard: bool = True) -> str:
    """A day of the month: 1..31 (not part of a longer number or time) or a day word ('premier', 'primo')."""
    return (DAY_GUARD if guard else "") + rf"(?P<{name}>{DAY_NUM}|(?:{words}){E})"


def _not_counted(data: dict) -> str:
    """After a bare year: not a percentage, an amount or a counting noun ("remontant à 2016 soldats")."""
    nouns = alternation(data.get("year_not_before", []))
    joiner = alternation(data.get("count_joiners", []))  # Romanian "2019 de persoane"
    return rf"(?!\s*[%€$£°]|\s+(?:(?:{joiner})\s+)?(?:{nouns}){E})"


def _not_after(words: list[str]) -> str:
    """Fixed-width lookbehinds: the prefix must not follow a quantity word ("plus de 2000")."""
    return "".join(rf"(?<!{w}\s)" for w in literal_words(words)) if words else ""


def _weekday_lead(data: dict, weekday: str, prefixes: list[str]) -> str:
    """An optional weekday, then a prefix that is no direction word, or just any prefix: a direction word after a
    weekday starts a second mention ("from Thursday until 16 June")."""
    words = [
        fold(w)
        for w in data.get("direction", {}).get("since", []) + data.get("direction", {}).get("upcoming", [])
    ]
    plain = [p for p in prefixes if not any(fold(p) == w or fold(p).startswith(w + " ") for w in words)]
    abbrs = alternation([n.rstrip(".") for names in data.get("weekday_abbreviations", []) for n in names])
    # an abbreviation only with its comma ("Fri, Jul 18", "mer., 13 février"): "sat 3" may be a verb and a count
    return rf"(?:(?:(?:{weekday})\s*,?\s+|(?:{abbrs})\.?,\s*){prefix(plain)}|{prefix(prefixes)})"


def _numeric(pre: str, pre_required: str) -> list[tuple[str, str]]:
    """20/02/2014, 20/02/14, 2015-3-3, and a yearless 17/02 (after a day prefix, or written dd/mm)."""
    tail = r"(?![\d/]|[.,]\d)"
    return [
        ("iso", rf"{B}{pre}(?P<y>\d{{4}})-(?P<a>\d{{1,2}})-(?P<b>\d{{1,2}}){E}"),
        ("num", rf"{B}{pre}(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}){E}"),
        ("num", rf"{B}{pre}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d\d){tail}"),
        ("num", rf"{B}{pre}(?P<a>\d\d)\.(?P<b>\d\d)\.(?P<y>\d\d){tail}"),
        ("numdm", rf"{B}{pre_required}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}}){tail}"),
        ("numdm", rf"{B}(?<![\d/.,])(?P<a>\d\d)/(?P<b>\d\d){tail}"),
    ]


def _ordinal_of_month(data: dict, pre: str, month_any: str, weekday: str, day: str) -> list[tuple[str, str]]:
    """'le premier mercredi du mois prochain', 'ultima domenica di marzo', 'the last day of October',
    'la dernière semaine de septembre', and week-of: 'la semaine du 6 octobre'."""
    spec = data.get("ordinal_of_month")
    if not spec:
        return []
    ords = alternation(list(spec.get("ordinals", {})))
    units = alternation(spec.get("day", []) + spec.get("week", []))
    of = prefix(spec.get("of", []), optional=False)
    my_join = alternation(data.get("month_year_joiners", []))
    refs = alternation(list(spec.get("month_refs", {})))
    year = rf"(?:\s*,?\s+(?:(?:{my_join})\s+)?{YEAR})?"
    target = rf"(?:\s+{of}(?P<month>{month_any}){E}{year}|\s+(?P<mref>{refs}){E})"
    what = rf"(?:(?P<weekday>{weekday})|(?P<unit>{units})){E}"
    out = [("nth", rf"{B}{pre}(?P<ord>{ords}){E}\s*{what}{target}")]
    # "the 20th of next month", "le 20 du mois prochain": a day of a month named relatively, the "of" written
    # ("will hire 20 next month" is a count)
    joined = [r for r in spec.get("month_refs", {}) if any(fold(r).startswith(fold(w) + " ") for w in spec.get("of", []))]
    if joined:
        day_unit = rf"(?:\s+(?:{alternation(spec.get('day', []))}))?"
        out.append(("dayref", rf"{B}{pre}{day}{day_unit}\s+(?P<mref>{alternation(joined)}){E}"))
    if spec.get("quarter_letters"):  # "Q4 2018", "2018Q4", "18q4": a quarter written as letter and number
        letter = alternation(spec["quarter_letters"])
        out.append(("qtr", rf"{B}(?:{letter})(?P<q>[1-4])\s*(?:-\s*)?{YEAR}"))
        out.append(("qtr", rf"{B}(?:(?P<year>(?:1[89]|20)\d\d)|(?P<y2>\d\d))\s*-?\s*(?:{letter})(?P<q>[1-4]){E}"))
    if spec.get("quarter"):  # "the third quarter", "au deuxième trimestre 2023", "il quarto trimestre del 2018"
        quarter = alternation(spec["quarter"])
        year = rf"(?:\s*,?\s+(?:(?:{alternation(spec.get('quarter_year_joiners', []))})\s+)?{YEAR})?"
        first = alternation([k for k, v in spec.get("ordinals", {}).items() if 1 <= int(v) <= 4])
        out.append(("quarter", rf"{B}{pre}(?P<ord>{first}){E}\s*(?:{quarter}){E}{year}"))
    return out


def absolute_patterns(
    data: dict, month: str, month_any: str, weekday: str, weekday_any: str
) -> list[tuple[str, str]]:
    """Language-generic absolute forms, parameterised by the language's prefixes, joiners and orders."""
    ords = alternation(data.get("ordinal_suffixes", []))
    words = alternation(list(data.get("day_words", {})))
    day_pre, range_pre = (
        data.get("day_prefixes", []),
        data.get("range_prefixes", []) + data.get("day_prefixes", []),
    )
    pre = _weekday_lead(data, weekday, day_pre)  # "vendredi 1er novembre", but not "Thursday until 16 June"
    rpre = _weekday_lead(data, weekday, range_pre)
    join = rf"(?:\s*[-\u2013]\s*|\s+{prefix(data.get('range_joiners', []), optional=False)})"
    again = prefix(data.get("day_prefixes", []))  # "entre le 3 et le 5 mars"
    mpre_opt = prefix(data.get("month_prefixes", []))
    mpre = prefix(data.get("month_prefixes", []), optional=False)
    dm_join = alternation(data.get("day_month_joiners", []))
    my_join = alternation(data.get("month_year_joiners", []))
    ypre = prefix(data.get("year_prefixes", []), optional=False)
    yrpre = prefix(data.get("range_prefixes", []) + data.get("year_prefixes", []), optional=False)
    day = rf"{_day('day', words)}(?:{ords})?"
    day1 = rf"{_day('day1', words)}(?:{ords})?{_CUT}"
    year_tail = rf"(?:\s*,?\s+(?:(?:{my_join})\s+)?{YEAR})?"
    out = _numeric(pre, prefix(day_pre, optional=False))
    out += [
        ("my", rf"{B}{mpre_opt}(?P<month>{month_any}){E}\s*(?:(?:{my_join})\s+)?{YEAR}"),
        ("m", rf"{B}{mpre}(?P<month>{month}){E}(?!\s*\d)"),
        ("year", rf"{B}{ypre}{YEAR}"),
        ("yrange", rf"{B}{yrpre}(?P<year1>(?:1[89]|20)\d\d)(?!\d){_CUT}{join}(?:{ypre})?{YEAR}"),
        ("yrange", rf"{B}(?<![\d./-])(?P<year1>(?:1[89]|20)\d\d){_CUT}[-\u2013]{YEAR}"),  # "2022-2023"
    ]
    if data.get("bare_months"):  # "October was the wettest month": a month name standing alone
        bare = alternation(data["bare_months"])
        out.append(("m", rf"{B}(?<!\d\s)(?P<month>{bare}){E}(?!\s*\d)"))
    if data.get("year_count_prefixes"):  # "pour 2016", "per il 2024", but not "pour 2016 soldats"
        ycpre = prefix(data["year_count_prefixes"], optional=False)
        out.append(("year", rf"{B}{ycpre}{YEAR}{_not_counted(data)}"))
    if data.get("year_of_prefixes"):  # "la présidentielle de 2027", but not "plus de 2000"
        of = prefix(data["year_of_prefixes"], optional=False)
        out.append(
            ("year", rf"{B}{_not_after(data.get('year_of_not_after', []))}{of}{YEAR}{_not_counted(data)}")
        )
    orders = data.get("named_orders", ["dm"])
    if data.get("weekday_day", False):  # "mercredi 13", "Martedì 19", "mar 19": that weekday-numbered day
        dpre = prefix(day_pre)
        # 'Marți pe 19': a preposition between weekday and day only before a number ('vendredi le Premier ministre')
        dnum = rf"(?:{prefix(day_pre, optional=False)}(?=\d))?"
        # weekday_day = "ordinal": the day needs its suffix ("Tuesday 19th"; "Monday 3 men" is a count)
        suffix = rf"(?:{ords})" if data["weekday_day"] == "ordinal" else rf"(?:{ords})?"
        out.append(
            (
                "wd",
                rf"{B}{dpre}(?P<weekday>{weekday_any}){E}\.?,?\s+{dnum}{_day('day', words)}{suffix}{E}"
                rf"(?!\s*(?:[:.h/-]\d|(?:{month_any}){E})){_not_counted(data)}",
            )
        )
    week_of = alternation(data.get("week_of", []))
    if "dm" in orders:
        body = rf"\s*(?:(?:{dm_join})\s+)?(?P<month>{month_any}){E}{year_tail}"
        out.append(("dmy", rf"{B}{pre}{day}{body}"))
        out.append(("drange", rf"{B}{rpre}{day1}{join}{again}{_day('day', words, False)}(?:{ords})?{body}"))
        out.append(("weekof", rf"{B}(?:{week_of})\s+{day}{body}"))
    if "md" in orders:
        tail = rf"(?:\s*,?\s*{YEAR})?"
        md_join = rf"(?:(?:{alternation(data.get('month_day_joiners', []))})\s+)?"
        out.append(("mdy", rf"{B}{pre}(?P<month>{month_any}){E}\s*{md_join}{day}{E}{tail}"))
        day2 = rf"{_day('day', words, False)}(?:{ords})?"
        out.append(("mrange", rf"{B}{rpre}(?P<month>{month_any}){E}\s*{day1}{join}{day2}{E}{tail}"))
        out.append(("weekof", rf"{B}(?:{week_of})\s+(?P<month>{month_any}){E}\s*{day}{E}{tail}"))
    nth_pre = prefix(data.get("ordinal_of_month", {}).get("prefixes", day_pre))
    return out + _ordinal_of_month(data, nth_pre, month_any, weekday, day)


def month_slot(data: dict) -> tuple[str, str]:
    """Regex for full month names, and for full names or abbreviations (abbreviations only next to a day)."""
    full = [n for names in data["months"] for n in names]
    abbr = [n.rstrip(".") for names in data.get("month_abbreviations", []) for n in names]
    return alternation(full), rf"{alternation(full)}|(?:{alternation(abbr)})\.?"
