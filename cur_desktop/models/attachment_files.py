"""A citizen's file on this computer's disk: what kind it is, whether it may be handed to the
system's program for it, and the name and place it gets.

Nothing the citizen said is trusted. The name is the sender's: path parts, control and bidi
characters (`evil.pdf\u202egpj.exe` reads «evil.pdfexe.jpg») and names Windows reserves are
taken out. The extension a copy is opened under (which picks the program) comes only from an
allow-list, by the name or else by the media type; the server's media type is itself the
sender's word unless it is an image type the server verified. Executables, scripts, shortcuts
and web pages are never opened, whatever the name or type says, and neither is a file whose
first bytes are those of a program or a script: such files may only be saved.

Where the copies opened go, and how long they stay, is `opened_copies`.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

#: Extensions a copy may be opened under, by kind (the kind names the file to the user).
OPENABLE: dict[str, str] = {
    **dict.fromkeys(("pdf",), "pdf"),
    **dict.fromkeys(("doc", "docx", "odt", "rtf"), "document"),
    **dict.fromkeys(("xls", "xlsx", "ods", "csv"), "spreadsheet"),
    **dict.fromkeys(("ppt", "pptx", "odp"), "presentation"),
    **dict.fromkeys(("txt",), "text"),
    **dict.fromkeys(("jpg", "jpeg", "png", "gif", "webp", "bmp", "heic", "tif", "tiff"), "image"),
    **dict.fromkeys(("mp4", "mov", "webm", "avi", "mkv", "3gp", "m4v", "mpg", "mpeg"), "video"),
    **dict.fromkeys(("mp3", "ogg", "oga", "opus", "m4a", "wav", "aac", "flac"), "audio"),
    **dict.fromkeys(("zip", "7z", "rar"), "archive"),
}
#: Never opened, only saved: programs, installers, scripts, shortcuts, web pages (which run
#: scripts in the browser), disk images (which show a program without the «from the internet»
#: mark), office files with macros.
DANGEROUS: dict[str, str] = {
    **dict.fromkeys(
        (
            "exe", "com", "scr", "pif", "cpl", "msi", "msp", "msc", "dll", "sys", "jar", "apk",
            "appimage", "run", "elf", "deb", "rpm", "app", "dmg", "iso", "img", "vhd",
            "vhdx",
        ),
        "executable",
    ),
    **dict.fromkeys(
        (
            "bat", "cmd", "js", "jse", "mjs", "vbs", "vbe", "wsf", "wsh", "ps1", "psm1", "psd1",
            "sh", "bash", "zsh", "csh", "ksh", "command", "py", "pyw", "pl", "rb", "php", "lua",
            "hta", "reg", "inf", "scf", "desktop", "lnk", "url", "webloc", "library-ms",
            "settingcontent-ms", "docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppam",
        ),
        "script",
    ),
    **dict.fromkeys(("html", "htm", "xhtml", "shtml", "mht", "mhtml", "svg", "xml"), "web"),
}  # fmt: skip
#: The media types a file may be opened by when its name gives no allowed extension.
BY_MEDIA_TYPE: dict[str, str] = {
    "application/pdf": "pdf",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/rtf": "rtf",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "text/csv": "csv",
    "application/vnd.ms-powerpoint": "ppt",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "text/plain": "txt",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/bmp": "bmp",
    "image/heic": "heic",
    "image/tiff": "tif",
    "video/mp4": "mp4",
    "video/quicktime": "mov",
    "video/webm": "webm",
    "video/x-msvideo": "avi",
    "video/x-matroska": "mkv",
    "video/3gpp": "3gp",
    "video/mpeg": "mpg",
    "audio/mpeg": "mp3",
    "audio/ogg": "ogg",
    "audio/opus": "opus",
    "audio/mp4": "m4a",
    "audio/wav": "wav",
    "audio/x-wav": "wav",
    "audio/aac": "aac",
    "audio/flac": "flac",
    "application/zip": "zip",
    "application/x-7z-compressed": "7z",
    "application/vnd.rar": "rar",
    "application/x-rar-compressed": "rar",
}
#: Media types that are themselves reasons never to open.
DANGEROUS_MEDIA_TYPES: dict[str, str] = {
    "application/x-msdownload": "executable",
    "application/x-msdos-program": "executable",
    "application/x-executable": "executable",
    "application/x-sharedlib": "executable",
    "application/java-archive": "executable",
    "application/x-msi": "executable",
    "application/vnd.microsoft.portable-executable": "executable",
    "application/x-sh": "script",
    "application/x-shellscript": "script",
    "application/javascript": "script",
    "text/javascript": "script",
    "application/x-python-code": "script",
    "text/x-python": "script",
    "application/hta": "script",
    "text/html": "web",
    "application/xhtml+xml": "web",
    "image/svg+xml": "web",
}
#: Image types the server serves only after reading the image itself (cur_server.attachments).
VERIFIED_IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp"}
#: First bytes of programs and scripts (Windows PE, ELF, Mach-O, shebang, Windows shortcut).
_PROGRAM_HEADS = (
    b"MZ",
    b"\x7fELF",
    b"\xfe\xed\xfa",
    b"\xcf\xfa\xed\xfe",
    b"\xce\xfa\xed\xfe",
    b"#!",
    b"L\x00\x00\x00\x01\x14\x02\x00",
)
_WEB_HEADS = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml", b"<head", b"<body")

_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}
_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*]')
_EXTENSION = re.compile(r"[a-z0-9][a-z0-9-]{0,19}")
STEM_LIMIT = 80


@dataclass(frozen=True)
class FileKind:
    #: "pdf", "document", …, "archive"; "executable", "script", "web"; "unknown"
    kind: str
    #: what a copy is opened under (allow-listed, without the dot), "" when none is trusted
    extension: str
    #: never handed to another program: saved only
    dangerous: bool

    @property
    def openable(self) -> bool:
        return not self.dangerous and bool(self.extension)


def _visible(text: str) -> str:
    """Without control and format characters (bidi overrides, zero-widths) and NUL."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co"))


def _base(name: str | None) -> str:
    """The last path part, with what cannot be seen taken out; trailing dots and spaces go too
    (Windows drops them, so «evil.exe.» is «evil.exe»)."""
    name = _visible(unicodedata.normalize("NFC", name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    return name.strip().rstrip(". ")


def extension_of(name: str | None) -> str:
    """The name's last extension, lower case ("" when it has none a file system would take)."""
    base = _base(name)
    if "." not in base.lstrip("."):
        return ""
    ext = base.rsplit(".", 1)[-1].strip().lower()
    return ext if _EXTENSION.fullmatch(ext) else ""


def _sniffed(head: bytes) -> str | None:
    if head.startswith(_PROGRAM_HEADS):
        return "executable"
    start = head[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(_WEB_HEADS):
        return "web"
    return None


def classify(name: str | None, media_type: str | None, head: bytes = b"") -> FileKind:
    """What a stored file is, by its name, its media type and its first bytes (any of them
    saying «program, script or web page» is enough to refuse opening it)."""
    ext = extension_of(name)
    media = (media_type or "").split(";")[0].strip().lower()
    danger = DANGEROUS.get(ext) or DANGEROUS_MEDIA_TYPES.get(media) or _sniffed(head)
    if danger:
        return FileKind(danger, "", True)
    if media in VERIFIED_IMAGE_TYPES:
        return FileKind("image", BY_MEDIA_TYPE[media], False)
    if ext in OPENABLE:
        return FileKind(OPENABLE[ext], ext, False)
    by_type = BY_MEDIA_TYPE.get(media)
    if by_type is not None:
        return FileKind(OPENABLE[by_type], by_type, False)
    return FileKind("unknown", "", False)


def safe_stem(name: str | None, fallback: str) -> str:
    """The name without its extension, fit for any file system: no path, no control or bidi
    characters, no characters Windows refuses, not a reserved device name, not hidden, at most
    STEM_LIMIT characters; `fallback` when nothing is left."""
    base = _base(name)
    if extension_of(base):
        base = base.rsplit(".", 1)[0]
    stem = _NOT_IN_NAMES.sub("_", base)
    stem = re.sub(r"\s+", " ", stem).strip(" .")[:STEM_LIMIT].strip(" .")
    if not stem:
        return fallback
    if stem.split(".")[0].lower() in _RESERVED:
        stem = "_" + stem
    return stem


def opened_name(name: str | None, kind: FileKind, fallback: str) -> str:
    """The name a copy is opened under: the safe stem and the allow-listed extension."""
    if not kind.openable:
        raise ValueError(f"a {kind.kind} file is never opened")
    return f"{safe_stem(name, fallback)}.{kind.extension}"


def saved_name(name: str | None, fallback: str) -> str:
    """The name «Save as» suggests: the safe stem and the file's own extension (if it looks like
    one), so a program is saved under the name that says it is one."""
    ext = extension_of(name)
    stem = safe_stem(name, fallback)
    return f"{stem}.{ext}" if ext else stem


def save_copy(path: Path, data: bytes) -> Path:
    """`data` where the user chose to save it, readable by the user only (a citizen's file, like
    the cache); written whole, or an older file of that name stays as it was."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
