"""Citizens' files on disk: the kind by name, type and first bytes, names that are safe on any
file system, and private copies (issue 13)."""

from __future__ import annotations

import stat

import pytest

from cur_desktop.models.attachment_files import (
    classify,
    opened_name,
    safe_stem,
    saved_name,
)
from cur_desktop.models.opened_copies import write_private_copy

PE = b"MZ\x90\x00"


@pytest.mark.parametrize(
    ("name", "media_type", "head", "kind", "extension"),
    [
        ("Акт.pdf", "application/pdf", b"%PDF-1.4", "pdf", "pdf"),
        ("Акт.PDF", "application/octet-stream", b"%PDF", "pdf", "pdf"),
        ("без имени", "application/pdf", b"%PDF", "pdf", "pdf"),  # by the type
        ("clip.bin", "video/mp4", b"\x00\x00\x00\x18ftyp", "video", "mp4"),
        ("Жалоба.docx", None, b"PK\x03\x04", "document", "docx"),
        ("photo.pdf", "image/jpeg", b"\xff\xd8", "image", "jpg"),  # the server read it
        ("noext", "application/octet-stream", b"", "unknown", ""),
    ],
)
def test_harmless_files_open_under_an_allowed_extension(name, media_type, head, kind, extension):
    found = classify(name, media_type, head)
    assert (found.kind, found.extension, found.dangerous) == (kind, extension, False)
    assert found.openable == bool(extension)


@pytest.mark.parametrize(
    ("name", "media_type", "head", "kind"),
    [
        ("setup.exe", "application/octet-stream", PE, "executable"),
        ("evil.pdf\u202egpj.exe", "application/pdf", b"%PDF", "executable"),  # reads «…exe.jpg»
        ("evil.exe.", "application/pdf", b"", "executable"),  # Windows drops the dot
        ("evil.exe \u200b", "application/pdf", b"", "executable"),
        ("Акт.pdf", "application/pdf", PE, "executable"),  # the bytes of a program
        ("run.sh", "text/plain", b"", "script"),
        ("notes.txt", "text/plain", b"#!/bin/sh\nrm -rf ~", "executable"),
        ("invoice.js", None, b"", "script"),
        ("a.vbs", None, b"", "script"),
        ("a.cmd", None, b"", "script"),
        ("a.bat", None, b"", "script"),
        ("a.ps1", None, b"", "script"),
        ("a.desktop", None, b"", "script"),
        ("a.lnk", None, b"", "script"),
        ("a.msi", None, b"", "executable"),
        ("a.jar", None, b"", "executable"),
        ("a.scr", None, b"", "executable"),
        ("Отчёт.xlsm", None, b"", "script"),  # macros
        ("page.html", None, b"", "web"),
        ("page.pdf", "text/html", b"", "web"),
        ("page.txt", "text/plain", b"\xef\xbb\xbf  <!DOCTYPE html><script>", "web"),
    ],
)
def test_programs_scripts_and_pages_are_never_opened(name, media_type, head, kind):
    found = classify(name, media_type, head)
    assert found.dangerous and not found.openable and found.kind == kind
    with pytest.raises(ValueError):
        opened_name(name, found, "attachment-1")


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("../../evil.pdf\u202egpj.exe", "evil.pdfgpj"),
        ("..\\..\\Windows\\System32\\x.pdf", "x"),
        ("/etc/passwd", "passwd"),
        ("Отчёт\u202e\x07\x00.pdf", "Отчёт"),
        ('a<b>c:d"e|f?g*h.pdf', "a_b_c_d_e_f_g_h"),
        ("CON.txt", "_CON"),
        ("lpt1", "_lpt1"),
        ("...", "attachment-7"),
        ("", "attachment-7"),
        (".bashrc", "bashrc"),
        ("  много   пробелов .pdf", "много пробелов"),
        ("д" * 300 + ".pdf", "д" * 80),
    ],
)
def test_names_are_safe_on_any_file_system(name, stem):
    assert safe_stem(name, "attachment-7") == stem


def test_saved_names_keep_the_real_extension_opened_ones_the_allowed_one():
    assert saved_name("../../evil.pdf\u202egpj.exe", "f") == "evil.pdfgpj.exe"
    assert saved_name("Фото", "f") == "Фото"
    assert opened_name("скан", classify("скан", "application/pdf"), "f") == "скан.pdf"
    assert opened_name("a.PDF", classify("a.PDF", None), "f") == "a.pdf"


def test_copies_are_private_whole_and_stay_in_their_folder(tmp_path):
    path = write_private_copy(tmp_path, 12, "Акт.pdf", b"%PDF-1")
    assert path == tmp_path / "12" / "Акт.pdf" and path.read_bytes() == b"%PDF-1"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["Акт.pdf"]  # no part left behind
    for bad in ("../x.pdf", "a/b.pdf", "..", ""):
        with pytest.raises(ValueError):
            write_private_copy(tmp_path, 12, bad, b"x")
