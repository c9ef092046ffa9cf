"""Why a reviewer may send a document back: the codes of bot/policy/document_rejections.yml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bot.core.data_file import DataFileError, mapping, read_yaml, text

DEFAULT_REJECTIONS_PATH = Path(__file__).resolve().parents[1] / "policy" / "document_rejections.yml"


def rejection_reasons(path: Path | str | None = None) -> tuple[str, ...]:
    """Every rejection reason code, in the file's order (each must name its source)."""
    return _load(Path(path or DEFAULT_REJECTIONS_PATH).resolve())


@lru_cache(maxsize=4)
def _load(path: Path) -> tuple[str, ...]:
    body = mapping(read_yaml(path), str(path))
    text(body.get("source"), f"{path}.source")
    reasons = mapping(body.get("reasons"), f"{path}.reasons")
    if not reasons:
        raise DataFileError(f"{path}.reasons: expected at least one reason")
    for code, entry in reasons.items():
        text(mapping(entry, f"{path}.reasons.{code}").get("source"), f"{path}.reasons.{code}.source")
    return tuple(reasons)


def is_rejection_reason(code: str) -> bool:
    """True for a code of the policy list."""
    return code in rejection_reasons()
