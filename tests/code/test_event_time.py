"""Which time expression dates an event: the one in its own clause, not one in a clause about
something else. Each sentence is our own."""

from __future__ import annotations

from code_sentences import by_trigger


def test_a_time_in_a_relative_clause_dates_that_clause_not_the_event(processor):
    # "launched at the start of the year" dates the launch, not the ending announced in December
    text = (
        "Niger said it was ending a partnership mission that the European Union had launched "
        "at the start of the year."
    )
    ev = by_trigger(processor, text, "ending", published="2023-12-05")
    assert ev.date is None or not (ev.date.value or "").startswith("2023-01")


def test_a_time_in_a_since_clause_dates_that_clause(processor):
    text = (
        "The two ministers, on their first trip abroad since taking office in May, held talks "
        "with President Tinubu."
    )
    ev = by_trigger(processor, text, "talks", published="2024-09-20")
    assert ev.date is None or not (ev.date.value or "").startswith("2024-05")


def test_a_while_clause_shares_the_events_time(processor):
    text = "Two Nigerien soldiers were killed by a mine while patrolling near Tillaberi on Monday."
    ev = by_trigger(processor, text, "killed", published="2024-09-20")
    assert ev.date is not None and ev.date.value == "2024-09-16"
