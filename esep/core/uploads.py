"""Uploaded files are checked by what they contain, not by their name: the first bytes must be one of the
formats allowed for the field, and the size must be within the limit set in esep.conf. The stored name is
made by Esep with the extension of the detected format, so a file called video.mp4 that is really an HTML
page, or a scan.pdf.html, never reaches the media folder. No libmagic: the signatures below are the
formats' own published magic numbers.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    content_type: str


PDF = Format("PDF", "pdf", "application/pdf")
JPEG = Format("JPEG", "jpg", "image/jpeg")
PNG = Format("PNG", "png", "image/png")
MP4 = Format("MP4", "mp4", "video/mp4")
MOV = Format("QuickTime", "mov", "video/quicktime")
THREE_GP = Format("3GP", "3gp", "video/3gpp")
WEBM = Format("WebM/Matroska", "webm", "video/webm")
AVI = Format("AVI", "avi", "video/x-msvideo")

DOCUMENTS = (PDF, JPEG, PNG)
VIDEOS = (MP4, MOV, THREE_GP, WEBM, AVI)
ALL = DOCUMENTS + VIDEOS


def sniff(head: bytes) -> Format | None:
    """The format whose signature ``head`` (the first bytes of a file) starts with; None if none."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\x1a\x45\xdf\xa3"):  # EBML: WebM and Matroska
        return WEBM
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return AVI
    if head[4:8] == b"ftyp":  # ISO base media file: the brand says which
        brand = head[8:12]
        if brand == b"qt  ":
            return MOV
        if brand.startswith(b"3g"):
            return THREE_GP
        return MP4
    return None


def _read_head(upload) -> bytes:
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    return head


def _size_text(limit: int) -> str:
    if limit >= 1024 * 1024:
        return _("%(n)s MB") % {"n": round(limit / (1024 * 1024))}
    return _("%(n)s kB") % {"n": round(limit / 1024)}


def check_upload(upload, *, allowed: tuple[Format, ...], max_bytes: int):
    """Validate an uploaded file for a form field; raise forms.ValidationError with a message the person can
    act on. Returns the same file, renamed to a random name with the extension of its real format."""
    if upload is None:
        return upload
    if upload.size > max_bytes:
        raise forms.ValidationError(
            _("The file is larger than %(limit)s. Attach a smaller file.") % {"limit": _size_text(max_bytes)}
        )
    found = sniff(_read_head(upload))
    if found not in allowed:
        names = ", ".join(fmt.name for fmt in allowed)
        raise forms.ValidationError(
            _("This file is not one of the allowed formats (%(formats)s). Nothing was saved.") % {"formats": names}
        )
    upload.name = f"{secrets.token_hex(12)}.{found.extension}"
    upload.content_type = found.content_type
    return upload


def check_document(upload):
    """Evidence, scans and photos of documents: PDF, JPEG or PNG up to ESEP_UPLOAD_DOCUMENT_MAX_MB."""
    return check_upload(upload, allowed=DOCUMENTS, max_bytes=settings.ESEP_UPLOAD_DOCUMENT_MAX_MB * 1024 * 1024)


def check_video(upload):
    """A meeting's video recording: a video container up to ESEP_UPLOAD_VIDEO_MAX_MB."""
    return check_upload(upload, allowed=VIDEOS, max_bytes=settings.ESEP_UPLOAD_VIDEO_MAX_MB * 1024 * 1024)
