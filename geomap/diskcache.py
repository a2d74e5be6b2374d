"""Text derived from installed packages, kept in the user cache between runs.

The word lists (english-words, wordfreq, name lists), the page skeleton (folium) and the
simplified world outlines (shapely) each cost up to a second per process to derive, yet change
only when a package or our own code changes. Each is
kept as one file in the user cache directory (GEOMAP_CACHE_DIR if set, as for the gazetteer),
named by a hash of everything it derives from, written atomically. When the cache cannot be
read or written, the text is derived in memory: the output is the same either way.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT = "geomap-cache 1"
KEY_LENGTH = 16


def cache_dir() -> Path:
    """GEOMAP_CACHE_DIR if set, else the user cache directory of geomap."""
    env = os.environ.get("GEOMAP_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("geomap"))


def package_versions(*packages: str) -> list[str]:
    """Each distribution as "name=version", or "name=missing" when it is not installed."""
    from importlib import metadata

    versions = []
    for package in packages:
        try:
            versions.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package}=missing")
    return versions


def source_of(module_file: str) -> str:
    """A module's own source, so that editing the code that derives a text renews its cache."""
    return Path(module_file).read_bytes().decode("utf-8", "replace")


def cached_text(name: str, key_parts: Iterable[str], derive: Callable[[], str]) -> str:
    """The text `derive()` returns, read from the cache when it holds this key's copy.

    `name` (letters, digits, underscores) names the file; `key_parts` are everything the
    text depends on. The first line of the file repeats the key and gives the text's length,
    so a file from elsewhere or cut short is derived again.
    """
    digest = hashlib.sha256(FORMAT.encode())
    for part in key_parts:
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    key = digest.hexdigest()[:KEY_LENGTH]
    header = f"{FORMAT} {name} {key} "
    path = cache_dir() / f"{name}-{key}.txt"
    try:
        raw = path.read_bytes().decode("utf-8")
        first, _, text = raw.partition("\n")
        if first.startswith(header) and first[len(header) :] == str(len(text)):
            return text
    except (OSError, UnicodeDecodeError):
        pass  # absent or unreadable: derive it
    text = derive()
    try:
        _write_atomically(path, f"{header}{len(text)}\n{text}".encode())
    except (OSError, UnicodeEncodeError) as exc:
        log.debug("cannot cache %s: %s", name, exc)
    return text


def _write_atomically(path: Path, data: bytes) -> None:
    """Temp file in the same directory, then os.replace; older keys of the same name go."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    name = path.name.rsplit("-", 1)[0]
    for stale in path.parent.glob(f"{name}-{'?' * KEY_LENGTH}.txt"):
        if stale != path:
            stale.unlink(missing_ok=True)
