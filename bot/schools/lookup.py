"""Finding the school or district a parent means (what the application form calls)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bot.rules.school_names import match_name, normalize_name
from bot.schools.directory import Place, directory

LAUSD = "Los Angeles Unified"
#: Districts parents name by their initials.
DISTRICT_ALIASES = {
    "lausd": LAUSD,
    "lbusd": "Long Beach Unified",
    "gusd": "Glendale Unified",
    "pusd": "Pasadena Unified",
}


@dataclass(frozen=True)
class PlaceMatch:
    """The verdict (exact | likely | ambiguous | none) and the places, best first."""

    verdict: str
    candidates: tuple[Place, ...]


@cache
def _index(kind: str) -> tuple[dict[str, Place], tuple[tuple[str, str], ...]]:
    schools, districts = directory()
    if kind == "lausd_schools":
        places = [s for s in schools if s.active and s.district == LAUSD]
    else:
        places = [
            d
            for d in districts
            if d.active and not any(w in d.name for w in ("County Office", "ROP", "SELPA"))
        ]
    by_cds = {place.cds: place for place in places}
    return by_cds, tuple((place.cds, normalize_name(place.name)) for place in places)


def _find(kind: str, text: str) -> PlaceMatch:
    by_cds, names = _index(kind)
    found = match_name(text, names)
    return PlaceMatch(found.verdict, tuple(by_cds[key] for key in found.keys))


def find_lausd_school(text: str) -> PlaceMatch:
    """Active Los Angeles Unified schools matching what the parent typed."""
    return _find("lausd_schools", text)


def find_district(text: str) -> PlaceMatch:
    """Active districts of Los Angeles County matching what the parent typed ("LAUSD" works)."""
    alias = DISTRICT_ALIASES.get(normalize_name(text).replace(" ", ""))
    return _find("districts", alias or text)


def school_by_cds(cds: str) -> Place | None:
    """An active LAUSD school by its CDE code."""
    return _index("lausd_schools")[0].get(cds.strip())


def district_by_cds(cds: str) -> Place | None:
    """An active district by its CDE code."""
    return _index("districts")[0].get(cds.strip())
