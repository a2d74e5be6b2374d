"""Plain-text views of the gazetteer for `geomap gazetteer info|search` (no rich markup needed)."""

from __future__ import annotations

from collections.abc import Sequence

from gazetteer.builder import GazetteerInfo
from gazetteer.models import Candidate


def format_info(info: GazetteerInfo) -> str:
    """What was built, from what, how big, how long it took."""
    lines = [
        f"cache:        {info.cache_path}",
        f"source:       {info.source}",
        f"built at:     {info.built_at} in {info.build_seconds:.1f} s",
        "data:         " + ", ".join(f"{k} {v}" for k, v in sorted(info.data_versions.items())),
        f"places:       {info.places:,}",
        f"names:        {info.names:,} ({info.index_keys:,} index keys)",
        f"supplement:   {info.supplement_rows:,} rows",
        f"regions:      {info.regions_named:,} first-level regions",
    ]
    if info.region_median_error_km is not None:
        lines.append(
            "              derived vs hand-written positions:"
            f" median {info.region_median_error_km} km"
        )
    lines.append("per kind:")
    width = max((len(k) for k in info.per_kind), default=0)
    for kind, count in sorted(info.per_kind.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {kind:<{width}}  {count:>9,}")
    lines.append("Place data: GeoNames (CC BY 4.0), countryinfo, airportsdata, pycountry.")
    return "\n".join(lines)


def format_search(candidates: Sequence[Candidate]) -> str:
    """A table of candidates: name, kind, country, admin region, population, lat/lon."""
    if not candidates:
        return "no match"
    header = ("name", "kind", "country", "region", "population", "lat", "lon", "id", "matched")
    rows = [header]
    for cand in candidates:
        p = cand.place
        rows.append(
            (
                p.name,
                p.kind,
                p.country_name or p.country or "",
                p.admin1 or "",
                f"{p.population:,}" if p.population else "",
                f"{p.lat:.4f}",
                f"{p.lon:.4f}",
                p.id,
                f"{cand.matched_name} ({cand.name_type})",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    right = {4, 5, 6}
    out = []
    for n, row in enumerate(rows):
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)
