"""JSON text that is safe to place inside an HTML <script> block, and still plain JSON."""

from __future__ import annotations

import json
from typing import Any


def json_for_script(value: Any, *, indent: int | None = None) -> str:
    """JSON that cannot end or comment out the <script> block it sits in.

    `<`, `>` and `&` become \\u escapes (so "</script>" and "<!--" cannot appear), and so do
    U+2028/U+2029, which older JavaScript parsers treat as line ends. Keys are sorted so the
    same value always gives the same text. Any JSON parser reads back the same value.
    """
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=separators, indent=indent
    )
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
