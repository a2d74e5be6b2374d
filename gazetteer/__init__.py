"""World-wide offline gazetteer: build once into the user cache, then look names up fast.

Public API (see `gazetteer.store.Gazetteer`):
    Gazetteer.open() -> Gazetteer          builds on first use, atomically, into the user cache
    gz.lookup(name) -> list[Candidate]     exact match after `normalize_name`, best prior first
    gz.has_prefix(norm) -> bool            does a normalised name start with `norm` (longest match)
    gz.get(place_id) -> Place | None
    gz.search(name, limit) -> list[Candidate]
    gz.info() -> GazetteerInfo
    build(cache_dir, geonames_dump=None, admin_tables=None) -> GazetteerInfo
    normalize_name(text) -> str            the key every name is indexed and looked up under
"""

from gazetteer.models import Candidate, NameType, Place, PlaceKind
from gazetteer.names import normalize_name
from gazetteer.store import Gazetteer, GazetteerInfo, GazetteerNotBuiltError, build

__all__ = [
    "Candidate",
    "Gazetteer",
    "GazetteerInfo",
    "GazetteerNotBuiltError",
    "NameType",
    "Place",
    "PlaceKind",
    "build",
    "normalize_name",
]
