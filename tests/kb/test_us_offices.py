"""us-offices.tsv: US senators, House members, governors and cabinet members of 2013-2019 are
American and of their office's sector on the article's date, and a person who moved from one
office to another is one person."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.kb import load_kb
from eventwire.resolve.actors import resolve_phrase


@pytest.mark.parametrize(
    ("phrase", "day", "expected"),
    [
        ("Senator Ted Cruz", "2016-03-01", ("USA", "LEG", "Ted Cruz")),
        ("Cruz", "2016-03-01", ("USA", "LEG", "Ted Cruz")),
        ("Lindsey Graham", "2016-01-15", ("USA", "LEG", "Lindsey Graham")),
        ("Bernie Sanders", "2016-04-10", ("USA", "LEG", "Bernie Sanders")),
        ("Rand Paul", "2015-08-06", ("USA", "LEG", "Rand Paul")),
        ("McConnell", "2017-07-28", ("USA", "LEG", "Mitch McConnell")),
        ("Nancy Pelosi", "2016-06-01", ("USA", "LEG", "Nancy Pelosi")),
        ("Rep. Adam Schiff", "2018-02-02", ("USA", "LEG", "Adam Schiff")),
        ("Jeff Sessions", "2016-08-01", ("USA", "LEG", "Jeff Sessions")),
        ("Chris Christie", "2016-02-01", ("USA", "GOV", "Chris Christie")),
        ("Kasich", "2016-02-01", ("USA", "GOV", "John Kasich")),
        ("Mike Pence", "2016-07-15", ("USA", "GOV", "Mike Pence")),
        ("Andrew Cuomo", "2014-11-04", ("USA", "GOV", "Andrew Cuomo")),
        ("Loretta Lynch", "2016-06-30", ("USA", "GOV", "Loretta Lynch")),
        ("James Comey", "2016-10-28", ("USA", "COP", "James Comey")),
        ("Mnuchin", "2018-03-01", ("USA", "GOV", "Steven Mnuchin")),
    ],
)
def test_us_office_holders_of_2013_to_2019_are_american(phrase, day, expected):
    actor = resolve_phrase(phrase, date=day)
    assert actor is not None and (actor.country, actor.sector, actor.name) == expected


def test_out_of_office_they_are_former_office_holders():
    # before his first term and after a governorship ended: American, not LEG or GOV
    cruz = resolve_phrase("Ted Cruz", date="2012-01-01")
    assert cruz is not None and (cruz.country, cruz.sector) == ("USA", "ELI")
    jeb = resolve_phrase("Jeb Bush", date="2016-02-01")
    assert jeb is not None and (jeb.country, jeb.sector, jeb.name) == ("USA", "ELI", "Jeb Bush")


def test_a_person_in_several_offices_keeps_one_id():
    kb = load_kb()
    for name, when, role in (
        ("Mike Pence", date(2015, 6, 1), "regional head of government"),
        ("Mike Pence", date(2018, 6, 1), "vice president"),
        ("Jeff Sessions", date(2015, 6, 1), "legislator"),
        ("Jeff Sessions", date(2018, 6, 1), "minister"),
        ("Mike Pompeo", date(2016, 6, 1), "legislator"),
        ("Mike Pompeo", date(2017, 6, 1), "intelligence chief"),
        ("Mike Pompeo", date(2019, 6, 1), "foreign minister"),
        ("Nikki Haley", date(2015, 6, 1), "regional head of government"),
        ("Nikki Haley", date(2018, 6, 1), "UN ambassador"),
    ):
        ids = {h.key for h in kb.lookup(name) if h.kind == "person"}
        assert len(ids) == 1, name
        office = kb.person(ids.pop(), when)
        assert office is not None and office.role == role, (name, when)


def test_a_legislator_is_never_the_one_holder_of_a_title():
    # a legislature has many members at once: "the senator" names no one of them
    kb = load_kb()
    assert len(kb.holders("USA", "legislator", date(2016, 3, 1))) > 1
    for phrase in ("the US senator", "the American legislator", "the senator"):
        actor = resolve_phrase(phrase, date="2016-03-01")
        assert actor is not None and actor.sector == "LEG" and actor.name is None, phrase
    assert not any(t.role == "legislator" for t in kb.sectors.values())
