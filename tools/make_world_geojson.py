"""Make src/eventwire/serve/static/world.geojson: country outlines for the dashboard's map.

Source: the npm package world-atlas@2.0.2 (ISC licence, Mike Bostock), which redistributes
Natural Earth 4.1.0 (public domain) as TopoJSON. Usage:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/make_world_geojson.py package/countries-110m.json \
        src/eventwire/serve/static/world.geojson

The TopoJSON arcs are decoded (delta-encoded, quantised), each ring is rebuilt from its arcs,
longitudes are unwrapped across the antimeridian, Antarctica is left out, and coordinates are
rounded to 0.1 degree, dropping repeated points.
"""

from __future__ import annotations

import json
import sys
from typing import Any

ANTARCTICA = "010"


def decode(topo: dict[str, Any], name: str = "countries") -> dict[str, Any]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices: list[int]) -> list[list[float]]:
        out: list[tuple[float, float]] = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts[1:] if out else pts)
        # unwrap longitudes so that a ring crossing the antimeridian (Russia, Fiji) stays
        # continuous (past 180) instead of drawing a line across the whole map
        unwrapped: list[tuple[float, float]] = []
        for x, y in out:
            if unwrapped:
                prev = unwrapped[-1][0]
                x = prev + ((x - prev + 180) % 360 - 180)
            unwrapped.append((x, y))
        rounded: list[list[float]] = []
        for x, y in unwrapped:
            p = [round(x, 1), round(y, 1)]
            if not rounded or rounded[-1] != p:
                rounded.append(p)
        return rounded

    features = []
    for geom in topo["objects"][name]["geometries"]:
        if geom.get("id") == ANTARCTICA:  # a ring around the pole: no use as a backdrop
            continue
        kind = geom.get("type")
        if kind == "Polygon":
            polys = [geom["arcs"]]
        elif kind == "MultiPolygon":
            polys = geom["arcs"]
        else:
            continue
        coords = [[ring(r) for r in poly] for poly in polys]
        coords = [[r for r in poly if len(r) >= 4] for poly in coords]
        coords = [poly for poly in coords if poly]
        if not coords:
            continue
        features.append(
            {
                "type": "Feature",
                "id": geom.get("id"),
                "properties": {"name": geom.get("properties", {}).get("name")},
                "geometry": {"type": "MultiPolygon", "coordinates": coords},
            }
        )
    return {"type": "FeatureCollection", "features": features}


if __name__ == "__main__":
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as fh:
        geo = decode(json.load(fh))
    with open(dst, "w", encoding="utf-8") as fh:
        json.dump(geo, fh, separators=(",", ":"))
        fh.write("\n")
    print(f"{dst}: {len(geo['features'])} countries")
