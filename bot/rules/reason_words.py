"""A permit reason told in words instead of tapped: "because I work in Hollywood", "por mi
hermano", "my mom watches them after school". A message naming exactly one reason names it."""

from __future__ import annotations

from bot.core.codes import Direction
from bot.rules.typed_answers import fold

REASON_WORDS: dict[str, tuple[str, ...]] = {
    "parent_employment": (
        "employment",
        "employer",
        "employed",
        "my job",
        "work",
        "works",
        "working",
        "workplace",
        "trabajo",
        "trabaja",
        "trabajamos",
        "trabajan",
        "empleo",
        "empleador",
        "empleo de los padres",
    ),
    "sibling": (
        "sibling",
        "siblings",
        "brother",
        "brothers",
        "sister",
        "sisters",
        "bro",
        "sis",
        "hermano",
        "hermana",
        "hermanos",
        "hermanas",
        "hermanito",
        "hermanita",
    ),
    "childcare": (
        "childcare",
        "child care",
        "daycare",
        "day care",
        "babysitter",
        "baby sitter",
        "nanny",
        "grandma",
        "grandmother",
        "after school care",
        "watches them",
        "watches",
        "cuida",
        "cuidan",
        "suegra",
        "watches her",
        "watches him",
        "takes care of",
        "picks them up",
        "picks her up",
        "picks him up",
        "cuidado de ninos",
        "guarderia",
        "nineria",
        "ninera",
        "abuela",
        "abuelita",
        "cuidado infantil",
        "me los cuida",
        "la cuida",
        "lo cuida",
    ),
    "bullying": ("bullying", "bullied", "bully", "bullies", "acoso", "acosado", "acosada", "bulling"),
    "military": (
        "military",
        "army",
        "navy",
        "marine",
        "marines",
        "air force",
        "active duty",
        "deployed",
        "militar",
        "ejercito",
        "marina",
        "fuerza aerea",
        "servicio activo",
    ),
    "specialized_program": (
        "specialized program",
        "special program",
        "program",
        "programa",
        "programa especializado",
        "ib program",
        "stem",
        "dual language",
        "doble idioma",
        "inmersion",
    ),
    "continuing_enrollment": (
        "continuing",
        "continuing enrollment",
        "continue",
        "stay at",
        "stay in the same school",
        "finish",
        "continuar",
        "continuidad",
        "seguir en",
        "quedarse",
        "terminar en",
    ),
    "exception": ("exception", "special case", "excepcion", "caso especial", "otro motivo"),
}


def read_reason(text: str, direction: Direction | str | None = None) -> str | None:
    """The one permit reason a typed answer names ("because I work in Hollywood" -> parent_employment),
    or None when it names none or several."""
    folded = f" {fold(text)} "
    found = {reason for reason, words in REASON_WORDS.items() if any(f" {word} " in folded for word in words)}
    if len(found) == 2 and "parent_employment" in found and "childcare" in found:
        found = {"childcare"}  # "my mom watches them while I work": the reason is childcare
    if len(found) == 2 and "specialized_program" in found:
        found.discard("specialized_program")  # "program" said next to another reason is that reason's
    return found.pop() if len(found) == 1 else None
