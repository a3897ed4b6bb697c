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


def _merge_by_comparing_all(names):
    """The rule merge_names implements, comparing each spelling with every representative (quadratic)."""
    from pressdesk.entities import key_of, same_person

    result, reps, unknown = {}, [], []
    for name in names:
        if name not in result and name not in unknown:
            canon = canonical_name(name)
            result.update({name: canon}) if canon else unknown.append(name)
    for name in sorted(unknown, key=lambda s: (-len(key_of(s)), -len(s))):
        rep = next((r for r in reps if same_person(name, r)), None) or name
        reps += [name] if rep == name else []
        result[name] = rep
    return result


def test_merging_compares_only_close_surnames_and_gives_what_comparing_all_gives():
    names = ["Ivan Petrov", "Iwan Petrow", "Petrov", "I. Petrov", "Olena Zelenska", "Zelenskyy", "Olga Petrova",
             "Maria Ionescu", "Maria Ionesco", "Ionescu", "Jean-Marc Dupont", "J. Dupond", "Giulia Bianchi",
             "Giulio Bianchi", "Bianchi", "Samuel Okafor", "Sam Okafor", "Kim Jong Un", "Kim Jong-un", "Ana Pop",
             "Andrei Popa", "Lavrov", "Sergey Lavrov", "Peskow", "the Kremlin", "Thierry Breton", "Breton"]
    assert merge_names(names) == _merge_by_comparing_all(names)
    assert merge_names(names)["Iwan Petrow"] == "Ivan Petrov" and merge_names(names)["Ionescu"] == "Maria Ionescu"


def test_new_spellings_are_merged_with_the_stored_names_they_could_match():
    from pressdesk.entities import related_names

    stored = ["Ivan Petrov", "Maria Ionescu", "Giulia Bianchi", "Olena Zelenska"]
    assert related_names(["Iwan Petrow", "Ionesco"], stored) == ["Ivan Petrov", "Maria Ionescu"]
    assert related_names(["Nobody Similar"], stored) == []
