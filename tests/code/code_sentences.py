"""What the coder's sentence tests share: code a sentence of our own with the real pipeline and
pick an event by its trigger."""

from __future__ import annotations

from typing import Any


def events(processor: Any, text: str, published: str = "2024-04-12") -> list[Any]:
    """Every event the pipeline codes in ``text`` (counted or not)."""
    return list(processor.process_text(text, published=published).events)


def by_trigger(processor: Any, text: str, trigger: str, published: str = "2024-04-12") -> Any:
    """The first event whose trigger text is ``trigger``; fails listing what was coded."""
    evs = [e for e in events(processor, text, published) if e.trigger.text == trigger]
    assert evs, [(e.cameo.code, e.trigger.text) for e in events(processor, text, published)]
    return evs[0]


def countries(actors: Any) -> list[str | None]:
    return [a.country for a in actors]
