"""An <iframe> snippet to embed a rendered map in another page."""

from __future__ import annotations

import html
import os
from pathlib import PurePath
from urllib.parse import quote, urlsplit


def embed_snippet(
    html_path: str | os.PathLike[str],
    title: str = "geomap map",
    *,
    width: str = "100%",
    height: int = 600,
) -> str:
    """`<iframe>` markup for the map at `html_path` (a relative path or an http(s) URL).

    The src is percent-encoded and HTML-escaped, other schemes (javascript:, data:) are
    refused, and the title (for screen readers) is escaped.
    """
    raw = os.fspath(html_path)
    scheme = urlsplit(raw).scheme.lower()
    if scheme in ("http", "https"):
        src = quote(raw, safe=":/?#[]@!$&'()*+,;=%~")
    elif scheme and not (len(scheme) == 1 and raw[1:2] == ":"):  # "C:" is a drive, not a scheme
        raise ValueError(f"cannot embed {raw!r}: only relative paths and http(s) URLs")
    else:
        src = quote(PurePath(raw).as_posix(), safe="/~")
    if not isinstance(height, int) or height <= 0:
        raise ValueError("height must be a positive number of pixels")
    return (
        f'<iframe src="{html.escape(src, quote=True)}" title="{html.escape(title, quote=True)}"'
        f' width="{html.escape(width, quote=True)}" height="{height}" style="border:0"'
        ' loading="lazy" referrerpolicy="no-referrer"></iframe>\n'
    )
