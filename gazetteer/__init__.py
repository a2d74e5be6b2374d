"""World-wide offline gazetteer: build once into the user cache, then look names up fast.

Public API (see `gazetteer.store.Gazetteer`):
    Gazetteer.open() -> Gazetteer          builds on first use, atomically, into the user cache
    gz.lookup(name) -> list[Candidate]     exact match after `normalize_name`, best prior first
    gz.has_prefix(norm) -> bool            is `norm` a prefix of some normalised name (longest match)
    gz.get(place_id) -> Place | None
    gz.search(name, limit) -> list[Candidate]
    gz.info() -> GazetteerInfo
"""

from gazetteer.models import Candidate, NameType, Place, PlaceKind

__all__ = ["Candidate", "NameType", "Place", "PlaceKind"]
