"""Uploaded files checked beyond their first bytes, and rewritten before they are stored.

bot.rules.uploads recognises a PDF, JPEG or PNG by its first bytes; that alone lets through a
"polyglot" (an HTML page or a script that also starts like a PDF) and PDFs carrying JavaScript,
launch actions or embedded files. Here every PDF is opened with pikepdf (qpdf), refused when it
carries active content or cannot be read, and saved again, so whatever was hidden outside the
PDF's objects (before the header, after the end) is dropped; every image is decoded by Pillow
and encoded again, which also drops its metadata (a phone photo's location).
"""

from __future__ import annotations

import io
import warnings
from typing import Final

import pikepdf
from PIL import Image, ImageOps, UnidentifiedImageError

from bot.rules.codes import Outcome
from bot.rules.uploads import FileKind

#: The file cannot be opened as what it claims to be (damaged, encrypted, or not really a PDF/image).
DAMAGED: Final = "damaged"
#: A PDF with JavaScript, automatic actions, launch/submit actions, embedded files or XFA forms.
ACTIVE_CONTENT: Final = "active_content"

#: Keys that only active content uses, anywhere in a PDF.
_ACTIVE_KEYS: Final = frozenset(
    {
        "/JS",
        "/JavaScript",
        "/AA",
        "/OpenAction",
        "/Launch",
        "/EmbeddedFile",
        "/EmbeddedFiles",
        "/RichMedia",
        "/XFA",
    }
)
#: Action types (the /S of an action dictionary) that run something or send data away.
_ACTIVE_ACTIONS: Final = frozenset(
    {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/RichMediaExecute", "/GoToE", "/Rendition"}
)
#: A phone photo is ~12 megapixels; a scan at 600 dpi of a letter page ~34. Beyond this, a
#: small file that decodes to an enormous image (a "decompression bomb") is refused.
MAX_IMAGE_PIXELS: Final = 60_000_000
_PILLOW_FORMATS: Final = {"image/jpeg": "JPEG", "image/png": "PNG"}


def cleaned_document(kind: FileKind, data: bytes) -> Outcome[bytes]:
    """The bytes to store for an upload of ``kind``, rewritten; or the problem DAMAGED / ACTIVE_CONTENT."""
    if kind.content_type == "application/pdf":
        return _cleaned_pdf(data)
    return _cleaned_image(data, _PILLOW_FORMATS[kind.content_type])


def _has_active_content(pdf: pikepdf.Pdf) -> bool:
    """True when any dictionary of the file (indirect objects and the direct ones nested in them)
    carries a key or an action type that only active content uses."""
    pending: list[object] = [pdf.Root, pdf.trailer, *pdf.objects]
    seen: set[tuple[int, int]] = set()
    while pending:
        candidate = pending.pop()
        if not isinstance(candidate, pikepdf.Object):
            continue  # numbers and booleans
        if candidate.is_indirect:
            if candidate.objgen in seen:
                continue
            seen.add(candidate.objgen)
        if isinstance(candidate, pikepdf.Array):
            pending.extend(candidate)
            continue
        if not isinstance(candidate, (pikepdf.Dictionary, pikepdf.Stream)):
            continue
        if set(candidate.keys()) & _ACTIVE_KEYS:
            return True
        action = candidate.get("/S")
        if isinstance(action, pikepdf.Name) and str(action) in _ACTIVE_ACTIONS:
            return True
        pending.extend(value for key, value in candidate.items() if key != "/Parent")
    return False


def _cleaned_pdf(data: bytes) -> Outcome[bytes]:
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) == 0:
                return Outcome(problem=DAMAGED)
            if _has_active_content(pdf):
                return Outcome(problem=ACTIVE_CONTENT)
            output = io.BytesIO()
            pdf.remove_unreferenced_resources()
            pdf.save(output, fix_metadata_version=False, deterministic_id=True)
    except (pikepdf.PdfError, pikepdf.PasswordError, ValueError, RecursionError):
        return Outcome(problem=DAMAGED)
    return Outcome(value=output.getvalue())


def _cleaned_image(data: bytes, pillow_format: str) -> Outcome[bytes]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format != pillow_format or probe.width * probe.height > MAX_IMAGE_PIXELS:
                    return Outcome(problem=DAMAGED)
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                upright = ImageOps.exif_transpose(image) or image  # phone photos stored sideways
                output = io.BytesIO()
                if pillow_format == "JPEG":
                    upright.convert("RGB").save(output, "JPEG", quality=90)
                else:
                    keep = (
                        upright
                        if upright.mode in ("1", "L", "LA", "P", "RGB", "RGBA")
                        else upright.convert("RGBA")
                    )
                    keep.save(output, "PNG")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError,
            Image.DecompressionBombWarning):  # fmt: skip
        return Outcome(problem=DAMAGED)
    return Outcome(value=output.getvalue())
