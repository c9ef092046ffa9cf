"""Uploads are checked beyond their first bytes: PDFs opened and rewritten, images decoded and re-encoded."""

from __future__ import annotations

import io

import pikepdf
import pytest
from PIL import Image

from bot.rules.uploads import detect_kind
from bot.uploads.content_check import ACTIVE_CONTENT, DAMAGED, cleaned_document
from bot.uploads.service import record_upload
from tests.unit.test_upload_service import PDF, PNG, make_application, stored_files, token_of


def pdf_with(**root: object) -> bytes:
    document = pikepdf.new()
    document.add_blank_page()
    for key, value in root.items():
        document.Root[f"/{key}"] = value
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def cleaned(data: bytes):
    kind = detect_kind(data)
    assert kind is not None  # each sample passes the first-bytes check: this module is the second line
    return cleaned_document(kind, data)


def test_a_plain_pdf_is_rewritten_and_keeps_its_pages():
    result = cleaned(PDF)
    assert result.problem is None and result.value.startswith(b"%PDF-")
    with pikepdf.open(io.BytesIO(result.value)) as rewritten:
        assert len(rewritten.pages) == 1


@pytest.mark.parametrize(
    "active",
    [
        {"OpenAction": pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))},
        {"AA": pikepdf.Dictionary(O=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe")))},
        {"Names": pikepdf.Dictionary(EmbeddedFiles=pikepdf.Dictionary(Names=pikepdf.Array([])))},
        {"AcroForm": pikepdf.Dictionary(Fields=pikepdf.Array([]), XFA=pikepdf.Array([]))},
    ],
    ids=["javascript", "launch", "embedded_files", "xfa"],
)
def test_a_pdf_with_scripts_actions_or_attachments_is_refused(active):
    assert cleaned(pdf_with(**active)).problem == ACTIVE_CONTENT


def test_an_html_page_dressed_as_a_pdf_is_refused_and_html_after_a_real_pdf_is_dropped():
    polyglot = b"%PDF-1.4\n<html><body><script>fetch('/staff/')</script></body></html>\n"
    assert cleaned(polyglot).problem == DAMAGED
    result = cleaned(PDF + b"\n<html><script>alert(1)</script></html>\n")
    assert result.problem is None and b"<script" not in result.value


def test_a_png_header_without_an_image_is_refused():
    assert cleaned(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(32)).problem == DAMAGED


def test_a_phone_photo_is_re_encoded_without_its_location():
    photo = Image.new("RGB", (64, 48), "white")
    exif = Image.Exif()
    exif[0x8825] = {2: (34.0, 3.0, 0.0)}  # GPS latitude
    exif[0x010F] = "PhoneMaker"
    output = io.BytesIO()
    photo.save(output, "JPEG", exif=exif)
    result = cleaned(output.getvalue())
    assert result.problem is None
    with Image.open(io.BytesIO(result.value)) as stored:
        assert stored.format == "JPEG" and stored.size == (64, 48)
        assert not stored.getexif()


def test_a_small_file_that_decodes_to_an_enormous_image_is_refused():
    output = io.BytesIO()
    Image.new("1", (12000, 12000)).save(output, "PNG")  # 144 megapixels in a few kilobytes
    assert len(output.getvalue()) < 100_000
    assert cleaned(output.getvalue()).problem == DAMAGED


def test_a_real_png_passes(database):
    assert cleaned(PNG).problem is None


def test_an_upload_with_javascript_is_refused_on_the_page_and_nothing_is_stored(
    database, tmp_path, monkeypatch
):
    monkeypatch.setenv("UPLOADS_DIR", str(tmp_path / "uploads"))
    application_id = make_application(database)
    script = pdf_with(
        OpenAction=pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    )
    result = record_upload(token_of(application_id), "pay_stub", script)
    assert (result.code, result.problem) == ("problem", ACTIVE_CONTENT)
    assert "pay_stub" in result.state.missing
    assert not stored_files(tmp_path / "uploads")
