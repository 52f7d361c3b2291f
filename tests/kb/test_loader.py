"""The knowledge base loads, validates and indexes its data files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import KBError
from eventwire.kb import load_kb, load_kb_from, normalise


def test_packaged_kb_covers_every_country_with_an_adjective():
    kb = load_kb()
    assert len(kb.countries) >= 240
    assert all(c.adjectives for c in kb.countries.values())
    assert kb.countries["NER"].capital == "Niamey"


def test_demonyms_distinguish_niger_from_nigeria():
    kb = load_kb()
    assert [h.key for h in kb.lookup("Nigerien")] == ["NER"]
    assert [h.key for h in kb.lookup("Nigerian")] == ["NGA"]


def test_lookup_ignores_case_accents_and_typographic_quotes():
    assert normalise("Côte d\u2019Ivoire") == normalise("cote d'ivoire")
    assert any(h.key == "CIV" for h in load_kb().lookup("COTE D'IVOIRE"))


def test_person_office_is_chosen_by_date():
    kb = load_kb()
    hits = [h for h in kb.lookup("Mohamed Bazoum") if h.kind == "person"]
    assert hits
    office = kb.person(hits[0].key, date(2022, 1, 1))
    assert (
        office is not None and office.country == "NER" and office.holds_office_on(date(2022, 1, 1))
    )
    assert not office.holds_office_on(date(2024, 1, 1))


def test_cameo_table_has_goldstein_and_plover_for_every_root():
    kb = load_kb()
    roots = {c.root for c in kb.cameo.values()}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert kb.cameo["166"].plover_type == "SANCTION"
    assert kb.cameo["190"].goldstein == -10.0


def _write(tmp: Path, name: str, text: str) -> None:
    (tmp / name).write_text(text, encoding="utf-8")


def test_bad_country_line_is_reported_with_file_and_line(tmp_path):
    _write(
        tmp_path,
        "countries.tsv",
        "iso3\tiso2\tname\taliases\tadjectives\tcapital\tmetonyms\tlat\tlon\n"
        "NER\tNE\tNiger\t\tNigerien\tNiamey\tNiamey\t17\t8\n"
        "xx\tXX\tBad\t\t\t\t\t\t\n",
    )
    with pytest.raises(KBError, match=r"countries.tsv:3: iso3"):
        load_kb_from([tmp_path])


def test_unknown_sector_in_people_file_is_rejected(tmp_path):
    _write(
        tmp_path, "people.jsonl", '{"id": "x", "name": "X Y", "country": "NER", "sector": "BOSS"}\n'
    )
    with pytest.raises(KBError, match=r"people.jsonl:1: unknown sector"):
        load_kb_from([tmp_path])


def test_malformed_json_line_is_reported(tmp_path):
    _write(tmp_path, "organizations.jsonl", '{"id": "a",\n')
    with pytest.raises(KBError, match=r"organizations.jsonl:1: malformed JSON"):
        load_kb_from([tmp_path])


def test_user_folder_extends_the_packaged_kb(tmp_path):
    from eventwire.kb.loader import DATA_DIR

    _write(
        tmp_path,
        "people.jsonl",
        '{"id": "zz", "name": "Zara Example", "country": "NER", "sector": "REB", '
        '"role": "rebel leader", "from": "2020-01-01"}\n',
    )
    kb = load_kb_from([DATA_DIR, tmp_path])
    assert kb.lookup("Zara Example")[0].kind == "person"
    assert "NER" in kb.countries


# -- validation collects every bad line ------------------------------------------------------


def test_validate_reports_every_bad_line_with_file_and_line(tmp_path):
    from eventwire.kb import validate

    _write(
        tmp_path,
        "my-offices.tsv",
        "country\trole\tfrom\tto\tname\taliases\tsector\n"
        "NER\thead of state\t2020-13-01\t\tAmina Example\t\t\n"
        "XXX\thead of state\t2020-01-01\t\tBola Example\t\t\n"
        "NER\tcourt jester\t2020-01-01\t\tCid Example\t\t\n"
        "NER\thead of state\t2021-01-01\t2020-01-01\tDee Example\t\t\n",
    )
    _, errors = validate([tmp_path])
    assert any("my-offices.tsv:2: bad date '2020-13-01'" in e for e in errors)
    assert any("my-offices.tsv:3: unknown country code 'XXX'" in e for e in errors)
    assert any("my-offices.tsv:4: no sector, and role 'court jester'" in e for e in errors)
    assert any("my-offices.tsv:5: 'to' 2020-01-01 is before 'from' 2021-01-01" in e for e in errors)


def test_validate_of_the_packaged_kb_is_clean():
    from eventwire.kb import validate

    kb, errors = validate()
    assert errors == []
    assert len(kb.files) >= 6


def test_overlapping_heads_of_state_are_reported(tmp_path):
    from eventwire.kb import validate

    _write(
        tmp_path,
        "offices.tsv",
        "country\trole\tfrom\tto\tname\n"
        "NER\thead of state\t2030-01-01\t2032-01-01\tAmina Example\n"
        "NER\thead of state\t2031-01-01\t\tBola Example\n",
    )
    _, errors = validate([tmp_path])
    assert any("NER head of state: Amina Example" in e and "Bola Example" in e for e in errors)


def test_region_members_must_be_countries(tmp_path):
    _write(tmp_path, "regions.tsv", "id\tname\taliases\tmembers\nx\tNowhere\t\tNER|QQQ\n")
    from eventwire.kb.loader import DATA_DIR

    with pytest.raises(KBError, match=r"regions.tsv:2: unknown member country 'QQQ'"):
        load_kb_from([DATA_DIR, tmp_path])


def test_sector_term_role_must_be_a_known_office(tmp_path):
    _write(tmp_path, "sectors.tsv", "term\tsector\tcameo\trole\nboss\tGOV\tGOV\tbig boss\n")
    with pytest.raises(KBError, match=r"sectors.tsv:2: unknown role 'big boss'"):
        load_kb_from([tmp_path])


# -- offices, ids, organisations over time ---------------------------------------------------


def test_office_rows_share_one_id_per_person_across_files(tmp_path):
    from eventwire.kb.loader import DATA_DIR

    _write(
        tmp_path,
        "people.jsonl",
        '{"id": "zz", "name": "Zara Example", "country": "ATA", "sector": "GOV", '
        '"role": "foreign minister", "from": "2030-01-01", "to": "2031-01-01"}\n',
    )
    _write(
        tmp_path,
        "extra-offices.tsv",
        "country\trole\tfrom\tto\tname\taliases\tsector\n"
        "ATA\thead of government\t2031-01-01\t\tZara Example\tExample\t\n",
    )
    kb = load_kb_from([DATA_DIR, tmp_path])
    assert [p.role for p in kb.people_by_id["zz"]] == ["foreign minister", "head of government"]
    assert kb.person("zz", date(2030, 6, 1)).role == "foreign minister"  # type: ignore[union-attr]
    assert [p.name for p in kb.holders("ATA", "head of government", date(2032, 1, 1))] == [
        "Zara Example"
    ]


def test_holders_with_no_date_are_those_still_in_office():
    kb = load_kb()
    now = kb.holders("FRA", "head of state")
    assert [p.name for p in now] == ["Emmanuel Macron"]
    assert [p.name for p in kb.holders("FRA", "head of state", date(2010, 1, 1))] == [
        "Nicolas Sarkozy"
    ]


def test_military_rule_follows_the_date():
    kb = load_kb()
    assert not kb.military_ruled("NER", date(2022, 1, 1))
    assert kb.military_ruled("NER", date(2024, 4, 12))


def test_organisation_periods_are_chosen_by_date():
    kb = load_kb()
    assert kb.org("unita", date(1995, 1, 1)).sector == "REB"  # type: ignore[union-attr]
    assert kb.org("unita", date(2010, 1, 1)).sector == "PTY"  # type: ignore[union-attr]


def test_acronyms_need_capitals_but_names_do_not():
    kb = load_kb()
    assert [h.key for h in kb.lookup("WHO")] == ["who"]
    assert kb.lookup("who") == []
    assert [h.key for h in kb.lookup("us", surface="US")] == ["USA"]
    assert kb.lookup("us") == []
    assert [h.key for h in kb.lookup("Nato")] == ["nato"]  # four letters or more: capitalised
    assert [h.key for h in kb.lookup("niger")] == ["NER"]


def test_regions_are_lists_of_countries():
    kb = load_kb()
    sahel = kb.regions["sahel"]
    assert {"MLI", "BFA", "NER"} <= set(sahel.members)
    assert [h.kind for h in kb.lookup("the Sahel")] == ["region"]
    assert [h.key for h in kb.lookup("Horn of Africa")] == ["horn_of_africa"]


def test_a_peoples_states_must_be_countries(tmp_path):
    _write(tmp_path, "peoples.tsv", "id\twords\tcountries\nx\tNowhereish\tNER|QQQ\n")
    from eventwire.kb.loader import DATA_DIR

    with pytest.raises(KBError, match=r"peoples.tsv:2: unknown country 'QQQ'"):
        load_kb_from([DATA_DIR, tmp_path])


def test_a_peoples_word_is_listed_once(tmp_path):
    _write(tmp_path, "peoples.tsv", "id\twords\tcountries\nx\tKurdish\tIRQ\n")
    from eventwire.kb.loader import DATA_DIR

    with pytest.raises(KBError, match=r"'Kurdish' is listed twice"):
        load_kb_from([DATA_DIR, tmp_path])


def test_a_regions_actor_code_must_be_a_nonstate_code(tmp_path):
    _write(
        tmp_path,
        "regions.tsv",
        "id\tname\taliases\tmembers\tactor_code\nx\tNowhere\t\tNER\tNER\n",
    )
    from eventwire.kb.loader import DATA_DIR

    with pytest.raises(KBError, match=r"regions.tsv:2: actor_code 'NER'"):
        load_kb_from([DATA_DIR, tmp_path])


def test_party_adjectives_must_be_capitalised_and_unique(tmp_path):
    line = (
        '{{"id": "{id}", "name": "{id} Party", "country": "GBR", "sector": "PTY", '
        '"adjectives": {adj}}}\n'
    )
    _write(tmp_path, "organizations.jsonl", line.format(id="p1", adj='["tory"]'))
    with pytest.raises(KBError, match=r"organizations.jsonl:1: adjectives must be"):
        load_kb_from([tmp_path])
    _write(
        tmp_path,
        "organizations.jsonl",
        line.format(id="p1", adj='["Whig"]') + line.format(id="p2", adj='["Whig"]'),
    )
    with pytest.raises(KBError, match=r"organizations.jsonl:2: adjective 'Whig' is already p1's"):
        load_kb_from([tmp_path])
