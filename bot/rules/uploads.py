"""Which uploaded files the office accepts: PDF, JPEG or PNG, recognised by their content, 10 MB at most.

The type is read from the first bytes of the file (its "magic number"), never from the file name
or the browser's content type: a renamed program stays a program.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from bot.core.codes import Code
from bot.rules.codes import Outcome

#: 10 MB: a scanned multi-page PDF or a phone photo fits; larger files are usually a mistake
#: (a video) and slow to send on a phone. The web server allows a little more for the form around it.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class FileKind:
    """An accepted kind of file: the content type we record and the extension we store it under."""

    content_type: str
    extension: str
    signature: bytes


#: Accepted kinds, with the bytes each file of that kind starts with.
ACCEPTED_KINDS = (
    FileKind("application/pdf", ".pdf", b"%PDF-"),
    FileKind("image/jpeg", ".jpg", b"\xff\xd8\xff"),
    FileKind("image/png", ".png", b"\x89PNG\r\n\x1a\n"),
)


class UploadProblem(Code):
    """Why an upload is refused (the page explains each one in the parent's language)."""

    NO_FILE = "no_file"
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    WRONG_TYPE = "wrong_type"
    UNKNOWN_ITEM = "unknown_item"


def detect_kind(data: bytes) -> FileKind | None:
    """The accepted kind whose signature `data` starts with, or None."""
    for kind in ACCEPTED_KINDS:
        if data.startswith(kind.signature):
            return kind
    return None


def check_upload(
    item: str, data: bytes | None, checklist_codes: Collection[str], *, max_bytes: int = MAX_UPLOAD_BYTES
) -> Outcome[FileKind]:
    """The kind of an acceptable upload for checklist `item`, or the first problem found.

    `data` is None when the form came without a file. Checks run cheapest first: the item, the
    presence and size of the file, then its content.
    """
    if item not in checklist_codes:
        return Outcome(problem=str(UploadProblem.UNKNOWN_ITEM))
    if data is None:
        return Outcome(problem=str(UploadProblem.NO_FILE))
    if not data:
        return Outcome(problem=str(UploadProblem.EMPTY))
    if len(data) > max_bytes:
        return Outcome(problem=str(UploadProblem.TOO_LARGE))
    kind = detect_kind(data)
    if kind is None:
        return Outcome(problem=str(UploadProblem.WRONG_TYPE))
    return Outcome(value=kind)
