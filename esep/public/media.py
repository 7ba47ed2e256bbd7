"""Uploaded files are served by Esep itself, never by a web server reading the media folder directly, so
that each file is checked against the record that owns it:

- public: an officer's photo (shown on precinct pages) and the scan proving an announcement went out
  through a channel (Order 652 p.27: the announcement is public);
- staff only, for those who may view the owning record (esep.accounts.permissions.restrict): a meeting's
  video recording (it shows residents' faces) and the evidence of a decision's execution.

Every answer is ``Content-Disposition: attachment`` (a browser saves it rather than rendering it as a page
of our origin) with ``X-Content-Type-Options: nosniff`` and the content type of the format found when it
was uploaded (esep.core.uploads). A path no record owns is 404, as is a private file the reader may not
see (its existence is not revealed).
"""

from __future__ import annotations

import mimetypes
import posixpath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404

from esep.accounts.permissions import Action, restrict
from esep.announcements.models import ChannelRecord
from esep.meetings.models import Video
from esep.police.models import Officer
from esep.protocols.models import Decision

# (model, file field, public?) in the order they are looked up.
OWNERS = (
    (Officer, "photo", True),
    (ChannelRecord, "scan", True),
    (Video, "file", False),
    (Decision, "evidence", False),
)
SAFE_TYPES = {
    "application/pdf",
    "image/jpeg",
    "image/png",
    "video/mp4",
    "video/quicktime",
    "video/3gpp",
    "video/webm",
    "video/x-msvideo",
}


def _clean(path: str) -> str | None:
    normal = posixpath.normpath(path).lstrip("/")
    if normal.startswith("..") or "\x00" in normal or normal in {"", "."}:
        return None
    return normal


def access(user, name: str) -> tuple[bool, bool]:
    """(may ``user`` download the stored file ``name``, is it public)."""
    for model, field, public in OWNERS:
        rows = model._default_manager.filter(**{field: name})
        if not rows.exists():
            continue
        return (True, True) if public else (restrict(rows, user, Action.VIEW).exists(), False)
    return False, False


def serve(request, path: str):
    name = _clean(path)
    allowed, public = access(request.user, name) if name else (False, False)
    if not allowed:
        raise Http404
    # Through the storage (ESEP_MEDIA_STORAGE: the local filesystem, or an S3-compatible bucket in production),
    # so the same checks hold wherever the bytes live.
    if not default_storage.exists(name):
        raise Http404
    filename = posixpath.basename(name)
    content_type = mimetypes.guess_type(filename)[0]
    if content_type not in SAFE_TYPES:
        content_type = "application/octet-stream"
    stored = default_storage.open(name, "rb")
    response = FileResponse(stored, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    if not public:
        response["Cache-Control"] = "no-store, private"
    return response
