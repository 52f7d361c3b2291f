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
