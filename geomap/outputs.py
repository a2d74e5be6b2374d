"""Write output files so that a failed or interrupted run never leaves a half-written file.

Each file is written to a temporary file in its own directory, flushed to disk, then renamed
over the target (`os.replace` is atomic on one file system). `write_outputs` writes a set of
files all or nothing: every temporary file first, then every rename, and if a rename fails
the files already replaced are restored from hard-link backups of their previous versions.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from geomap.errors import OutputError

Data = str | bytes | Iterable[str | bytes]
"""File content: text (written as UTF-8), bytes, or an iterable of chunks for streaming."""


def check_writable(path: Path | str) -> None:
    """Fail early, before any work, if ``path`` cannot be written; creates nothing lasting."""
    target = Path(path)
    directory = _directory_of(target)
    if target.is_dir():
        raise OutputError(f"cannot write {_show(target)}: it is a directory")
    try:
        handle, probe = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".probe")
    except OSError as err:
        raise OutputError(_message(target, err)) from None
    os.close(handle)
    with contextlib.suppress(OSError):
        os.unlink(probe)


def write_atomic(path: Path | str, data: Data) -> None:
    """Write ``data`` to ``path`` atomically: readers see the old file or the new, never a part.

    On any error (including one raised while producing ``data``) the temporary file is removed
    and the previous file is left untouched; file-system errors become `OutputError`.
    """
    target = Path(path)
    temporary = _write_temporary(target, data)
    try:
        os.replace(temporary, target)
    except BaseException as err:
        _remove(temporary)
        if isinstance(err, OSError):
            raise OutputError(_message(target, err)) from None
        raise
    _sync_directory(target.parent)


def write_outputs(base: Path | str, files: Mapping[str, Data]) -> list[Path]:
    """Write ``files`` (name relative to the directory ``base`` -> content) all or nothing.

    Returns the paths written, in the order given. Either every file is replaced by its new
    version, or (on error or interrupt) every target keeps its previous content and no
    temporary file is left behind.
    """
    base_path = Path(base)
    targets = [(_target(base_path, name), data) for name, data in files.items()]
    for target, _data in targets:
        check_writable(target)
    temporaries: list[tuple[Path, Path]] = []
    try:
        for target, data in targets:
            temporaries.append((_write_temporary(target, data), target))
    except BaseException:
        for temporary, _target_path in temporaries:
            _remove(temporary)
        raise
    _replace_all(temporaries)
    for directory in sorted({target.parent for _temporary, target in temporaries}):
        _sync_directory(directory)
    return [target for target, _data in targets]


def _replace_all(temporaries: list[tuple[Path, Path]]) -> None:
    """Rename every temporary over its target; on failure, put the previous files back."""
    backups: dict[Path, Path | None] = {}
    replaced: list[Path] = []
    try:
        for _temporary, target in temporaries:
            backups[target] = _backup(target)
        for temporary, target in temporaries:
            os.replace(temporary, target)
            replaced.append(target)
    except BaseException as err:
        for target in reversed(replaced):
            backup = backups.get(target)
            with contextlib.suppress(OSError):
                if backup is not None:
                    os.replace(backup, target)
                else:
                    os.unlink(target)
        for temporary, _target in temporaries:
            _remove(temporary)
        for backup in backups.values():
            if backup is not None:
                _remove(backup)
        if isinstance(err, OSError):
            failed = temporaries[len(replaced)][1] if len(replaced) < len(temporaries) else None
            raise OutputError(_message(failed or temporaries[0][1], err)) from None
        raise
    for backup in backups.values():
        if backup is not None:
            _remove(backup)


def _backup(target: Path) -> Path | None:
    """A hard link to the current version of ``target`` (None if there is none to keep)."""
    if not target.exists():
        return None
    backup = target.with_name(f".{target.name}.{secrets.token_hex(6)}.previous")
    try:
        os.link(target, backup)
    except OSError:
        return None  # the file system has no hard links: the previous file cannot be restored
    return backup


def _write_temporary(target: Path, data: Data) -> Path:
    """Write ``data`` to a new temporary file beside ``target``, synced to disk."""
    directory = _directory_of(target)
    if target.is_dir():
        raise OutputError(f"cannot write {_show(target)}: it is a directory")
    try:
        handle, name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        raise OutputError(_message(target, err)) from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            for chunk in _chunks(data):
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
    except BaseException as err:
        _remove(temporary)
        if isinstance(err, OSError):
            raise OutputError(_message(target, err)) from None
        raise
    return temporary


def _chunks(data: Data) -> Iterable[bytes]:
    if isinstance(data, str):
        yield data.encode("utf-8")
    elif isinstance(data, bytes | bytearray | memoryview):
        yield bytes(data)
    else:
        for chunk in data:
            yield chunk.encode("utf-8") if isinstance(chunk, str) else bytes(chunk)


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; new files get the usual 0666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _directory_of(target: Path) -> Path:
    directory = target.parent
    if not directory.exists():
        raise OutputError(
            f"cannot write {_show(target)}: directory {_show(directory)} does not exist"
        )
    if not directory.is_dir():
        raise OutputError(f"cannot write {_show(target)}: {_show(directory)} is not a directory")
    return directory


def _target(base: Path, name: str) -> Path:
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts or not relative.name:
        raise OutputError(f"output name {name!r} must be a file name inside {_show(base)}")
    return base / relative


def _sync_directory(directory: Path) -> None:
    """Make the renames durable; best effort (not every platform can open a directory)."""
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _message(target: Path, err: OSError) -> str:
    if isinstance(err, PermissionError):
        reason = "permission denied"
    else:
        reason = err.strerror or str(err) or type(err).__name__
        reason = reason[:1].lower() + reason[1:]
    return f"cannot write {_show(target)}: {' '.join(reason.split())}"


def _show(path: Path | str) -> str:
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(path))


__all__ = ["Data", "check_writable", "write_atomic", "write_outputs"]
