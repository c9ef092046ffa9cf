"""Finding the LAUSD school or the district a parent means (what the application form calls).

Schools: active rows of Los Angeles Unified. Districts: active district-level rows of the county
whose CDE type (``DOC``) is an elementary, high or unified school district, so county offices,
ROC/Ps and State Board charters are not offered as a district of residence. LAUSD itself is one
of the districts. The indexes are built on first use, once per directory file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.rules.district_names import district_aliases
from bot.rules.school_names import NameIndex, NameMatch
from bot.schools.directory import District, School, directory_path, read_directory

LAUSD = "Los Angeles Unified"
#: CDE ``DOC`` codes of the districts a family lives in: elementary, unified, high school district.
RESIDENCE_DISTRICT_TYPES = frozenset({"52", "54", "56"})


@dataclass(frozen=True)
class _Lookups:
    schools: tuple[School, ...]
    districts: tuple[District, ...]
    school_index: NameIndex[School]
    district_index: NameIndex[District]
    schools_by_cds: dict[str, School]
    districts_by_cds: dict[str, District]


def find_lausd_school(text: str) -> NameMatch[School]:
    """Active LAUSD schools matching what the parent typed ("hollywood hs" -> Hollywood Senior High).

    ``verdict`` is exact (accept), likely (one candidate to confirm), ambiguous (up to five to
    choose from) or none; ``candidates`` are the schools, best first; ``ranked`` adds scores.
    """
    return _lookups(directory_path().resolve()).school_index.match(text)


def find_district(text: str) -> NameMatch[District]:
    """Active districts of the county matching what the parent typed ("LAUSD", "Compton USD", "Glendale")."""
    return _lookups(directory_path().resolve()).district_index.match(text)


def school_by_cds(cds: str) -> School | None:
    """An active LAUSD school by its 14-digit CDE code (a button payload); None for any other code."""
    return _lookups(directory_path().resolve()).schools_by_cds.get(cds.strip())


def district_by_cds(cds: str) -> District | None:
    """An active district of residence by its CDE code; None for any other code."""
    return _lookups(directory_path().resolve()).districts_by_cds.get(cds.strip())


def lausd_schools() -> tuple[School, ...]:
    """Every active LAUSD school, in file order."""
    return _lookups(directory_path().resolve()).schools


def residence_districts() -> tuple[District, ...]:
    """Every active district of residence, in file order."""
    return _lookups(directory_path().resolve()).districts


def clear_lookup_cache() -> None:
    """Forget the indexes (after an import, or in tests that change SCHOOLS_FILE)."""
    _lookups.cache_clear()


def select_lausd_schools(schools: tuple[School, ...]) -> tuple[School, ...]:
    """The active Los Angeles Unified schools among ``schools``."""
    return tuple(school for school in schools if school.active and school.district == LAUSD)


def select_residence_districts(districts: tuple[District, ...]) -> tuple[District, ...]:
    """The active districts of residence among ``districts`` (all active ones when DOC is absent)."""
    return tuple(
        district
        for district in districts
        if district.active and (not district.doc or district.doc in RESIDENCE_DISTRICT_TYPES)
    )


@lru_cache(maxsize=4)
def _lookups(path: Path) -> _Lookups:
    directory = read_directory(path)
    schools = select_lausd_schools(directory.schools)
    districts = select_residence_districts(directory.districts)
    return _Lookups(
        schools=schools,
        districts=districts,
        school_index=NameIndex((school, [school.name]) for school in schools),
        district_index=NameIndex((district, district_aliases(district.name)) for district in districts),
        schools_by_cds={school.cds: school for school in schools},
        districts_by_cds={district.cds: district for district in districts},
    )
