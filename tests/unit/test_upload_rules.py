"""Uploads are recognised by their first bytes, never by name: PDF, JPEG and PNG up to 10 MB."""

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.uploads import ACCEPTED_KINDS, MAX_UPLOAD_BYTES, check_upload, detect_kind

ITEMS = ("release_from_residence", "pay_stub")
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(64)  # a Windows program, whatever it is named


def test_pdf_jpeg_and_png_are_accepted_with_the_type_read_from_their_content():
    found = {data: check_upload("pay_stub", data, ITEMS).value for data in (PDF, JPEG, PNG)}
    assert {data: (kind.content_type, kind.extension) for data, kind in found.items() if kind} == {
        PDF: ("application/pdf", ".pdf"),
        JPEG: ("image/jpeg", ".jpg"),
        PNG: ("image/png", ".png"),
    }


def test_a_program_or_a_text_file_is_the_wrong_type():
    assert check_upload("pay_stub", EXE, ITEMS).problem == "wrong_type"
    assert check_upload("pay_stub", b"I am a PDF, honestly", ITEMS).problem == "wrong_type"
    assert check_upload("pay_stub", b"%PDF", ITEMS).problem == "wrong_type"  # a signature cut short


def test_empty_missing_and_too_large_files_are_refused():
    assert check_upload("pay_stub", b"", ITEMS).problem == "empty"
    assert check_upload("pay_stub", None, ITEMS).problem == "no_file"
    at_limit = PDF + bytes(MAX_UPLOAD_BYTES - len(PDF))
    assert check_upload("pay_stub", at_limit, ITEMS).ok
    assert check_upload("pay_stub", at_limit + b"\x00", ITEMS).problem == "too_large"
    assert MAX_UPLOAD_BYTES == 10 * 1024 * 1024


def test_an_item_off_the_checklist_is_refused_before_looking_at_the_file():
    assert check_upload("military_orders", PDF, ITEMS).problem == "unknown_item"
    assert check_upload("", b"", ITEMS).problem == "unknown_item"


@given(st.binary(max_size=64))
def test_random_bytes_never_crash_and_pass_only_with_a_known_signature(data: bytes):
    outcome = check_upload("pay_stub", data, ITEMS)
    starts_known = any(data.startswith(kind.signature) for kind in ACCEPTED_KINDS)
    assert outcome.ok == starts_known
    assert outcome.ok or outcome.problem in {"empty", "wrong_type"}


@given(st.sampled_from(ACCEPTED_KINDS), st.binary(max_size=64))
def test_anything_after_a_known_signature_is_that_kind(kind, rest: bytes):
    assert detect_kind(kind.signature + rest) == kind


def test_uploads_from_one_address_are_limited_across_processes(database: str) -> None:
    from bot.web.uploads import _upload_allowed

    assert all(_upload_allowed("203.0.113.7") for _ in range(60))
    assert not _upload_allowed("203.0.113.7")
    assert _upload_allowed("198.51.100.1")  # another family is not affected
