"""Name -> adapter class for every gold set, imported lazily.

Lazy imports keep ``eventwire --help`` fast, and keep one broken adapter from taking the others
down while the pipeline is still being written.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from eventwire.errors import EvalError
from eventwire.eval.base import EvalSet

#: Gold-set folder name -> "module:Class" under eventwire.eval.sets, in report order.
SETS: dict[str, str] = {
    "plover_gsr": "plover_gsr:PloverGSR",
    "cameo_petrarch_validation": "cameo:CameoValidation",
    "ngec_actor_resolution_tests": "ngec:NgecActors",
    "tempeval3": "tempeval3:TempEval3",
    "geowebnews": "geowebnews:GeoWebNews",
    "event_location_halterman": "event_location:EventLocation",
    "pubdate_htmldate_eval": "pubdate:PubDate",
    "article_extraction": "article_extraction:ArticleExtraction",
    "real_news_events": "real_news:RealNewsEvents",
}


def get(name: str) -> EvalSet[Any, Any]:
    """A fresh adapter for ``name``; EvalError listing the valid names otherwise."""
    spec = SETS.get(name)
    if spec is None:
        raise EvalError(f"unknown gold set {name!r}; choose one of: all, {', '.join(SETS)}")
    module, cls = spec.split(":")
    adapter: EvalSet[Any, Any] = getattr(import_module(f"eventwire.eval.sets.{module}"), cls)()
    return adapter
