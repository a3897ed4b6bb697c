from pressdesk.entities import canonical_name, find_entities, load_gazetteer, merge_names


def test_cross_language_country_aliases():
    for surface in ("Corée du Nord", "Corea del Nord", "Coreea de Nord", "North Korea", "Pyongyang"):
        assert canonical_name(surface) == "North Korea"


def test_find_entities_sorted_non_overlapping():
    text = "Le secrétaire général de l'OTAN a rencontré Serghei Lavrov à Moscou, selon l'ONU."
    found = find_entities(text, "fr")
    names = [m.canonical for m in found]
    assert names == ["NATO", "Sergei Lavrov", "Russia", "United Nations"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert text[found[1].start : found[1].end] == "Serghei Lavrov"


def test_surname_only_after_full_name():
    text = "Lloyd Austin arrived in Seoul. Mr. Austin then spoke. Austin, Texas is far away."
    assert [m.canonical for m in find_entities(text, "en")].count("Lloyd Austin") == 3
    assert not any(m.canonical == "Lloyd Austin" for m in find_entities("He moved to Austin last year.", "en"))


def test_acronym_needs_capitals():
    assert not any(m.canonical == "United Nations" for m in find_entities("un accord a été signé", "fr"))


def test_fuzzy_transliteration_variants():
    assert canonical_name("Dmitry Peskov") == "Dmitri Peskov"
    assert canonical_name("Dmitrij Peskow") == "Dmitri Peskov"
    assert canonical_name("Volodymyr Zelenskyj") == "Volodymyr Zelensky"
    assert canonical_name("Boris Johnson") is None


def test_merge_unknown_spellings():
    merged = merge_names(["Ivan Petrov", "Iwan Petrow", "Petrov", "Olena Zelenska", "Zelenskyy"])
    assert merged["Iwan Petrow"] == merged["Ivan Petrov"] == merged["Petrov"]
    assert merged["Zelenskyy"] == "Volodymyr Zelensky"
    assert merged["Olena Zelenska"] != "Volodymyr Zelensky"


def test_gazetteer_has_types_and_roles():
    gaz = load_gazetteer()
    assert gaz.by_canonical["Kremlin"].type == "organisation"
    assert gaz.by_canonical["Sergei Lavrov"].role
    assert gaz.country_of_adjective("nord-coreene", "ro") == "North Korea"
