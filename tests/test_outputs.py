"""Atomic output writing: old files survive failures, and no temporary file is left behind."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from geomap import outputs
from geomap.errors import EXIT_OUTPUT, OutputError
from geomap.outputs import check_writable, write_atomic, write_outputs


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_write_atomic_text_bytes_and_chunks(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.html", "<p>Zürich</p>")
    write_atomic(tmp_path / "b.png", b"\x89PNG")
    chunks: list[str | bytes] = ["{", b'"a": 1', "}"]
    write_atomic(tmp_path / "c.json", iter(chunks))
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "<p>Zürich</p>"
    assert (tmp_path / "b.png").read_bytes() == b"\x89PNG"
    assert (tmp_path / "c.json").read_text() == '{"a": 1}'
    assert listing(tmp_path) == ["a.html", "b.png", "c.json"]


def test_new_file_gets_normal_permissions_and_existing_keeps_its_own(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    write_atomic(target, "one")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o640)
    write_atomic(target, "two")
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_text() == "two"


def test_failing_rename_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "map.html"
    target.write_text("old map")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, "new map")
    assert caught.value.exit_code == EXIT_OUTPUT
    assert caught.value.message == f"cannot write {target}: no space left on device"
    assert target.read_text() == "old map"
    assert listing(tmp_path) == ["map.html"]


def test_failing_data_generator_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    target.write_text("old map")

    def chunks() -> Iterator[str]:
        yield "<html>" * 1000
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError, match="renderer crashed"):
        write_atomic(target, chunks())
    assert target.read_text() == "old map"
    assert listing(tmp_path) == ["map.html"]


def test_interrupt_while_writing_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(handle: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "map.html", "data")
    assert listing(tmp_path) == []


@pytest.mark.parametrize(
    ("make_target", "expected"),
    [
        (lambda d: d / "missing" / "map.html", "does not exist"),
        (lambda d: d / "file.txt" / "map.html", "is not a directory"),
        (lambda d: d / "folder", "is a directory"),
    ],
)
def test_unwritable_paths_give_one_line_errors(
    tmp_path: Path, make_target: object, expected: str
) -> None:
    (tmp_path / "file.txt").write_text("x")
    (tmp_path / "folder").mkdir()
    target = make_target(tmp_path)  # type: ignore[operator]
    for action in (lambda: check_writable(target), lambda: write_atomic(target, "x")):
        with pytest.raises(OutputError) as caught:
            action()
        assert str(target) in caught.value.message
        assert expected in caught.value.message
        assert "\n" not in caught.value.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only directories")
def test_read_only_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="permission denied"):
            check_writable(locked / "map.html")
    finally:
        locked.chmod(0o700)


def test_check_writable_leaves_nothing_behind(tmp_path: Path) -> None:
    check_writable(tmp_path / "map.html")
    assert listing(tmp_path) == []


def test_write_outputs_writes_all(tmp_path: Path) -> None:
    written = write_outputs(tmp_path, {"map.html": "<html>", "map.geojson": "{}", "map.png": b"P"})
    assert written == [tmp_path / "map.html", tmp_path / "map.geojson", tmp_path / "map.png"]
    assert listing(tmp_path) == ["map.geojson", "map.html", "map.png"]


def test_write_outputs_failure_while_writing_keeps_every_old_file(tmp_path: Path) -> None:
    (tmp_path / "map.html").write_text("old html")
    (tmp_path / "map.json").write_text("old json")

    def failing() -> Iterator[str]:
        yield "partial"
        raise ValueError("bad data")

    with pytest.raises(ValueError):
        write_outputs(tmp_path, {"map.html": "new html", "map.json": failing()})
    assert (tmp_path / "map.html").read_text() == "old html"
    assert (tmp_path / "map.json").read_text() == "old json"
    assert listing(tmp_path) == ["map.html", "map.json"]


def test_write_outputs_failure_while_renaming_restores_the_previous_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "map.html").write_text("old html")
    (tmp_path / "map.json").write_text("old json")
    real_replace = os.replace
    calls: list[str] = []

    def replace_failing_on_second(src: str | Path, dst: str | Path) -> None:
        calls.append(str(dst))
        if len(calls) == 2:
            raise OSError(5, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(outputs.os, "replace", replace_failing_on_second)
    with pytest.raises(OutputError, match="map.geojson: input/output error"):
        write_outputs(
            tmp_path, {"map.html": "new html", "map.geojson": "new", "map.json": "new json"}
        )
    monkeypatch.setattr(outputs.os, "replace", real_replace)
    assert (tmp_path / "map.html").read_text() == "old html"  # restored from its backup
    assert (tmp_path / "map.json").read_text() == "old json"
    assert listing(tmp_path) == ["map.html", "map.json"]  # map.geojson never existed


def test_write_outputs_checks_every_target_before_writing(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_outputs(tmp_path, {"map.html": "new", "nowhere/map.json": "{}"})
    assert listing(tmp_path) == []


@pytest.mark.parametrize("name", ["../escape.html", "/etc/passwd", ""])
def test_write_outputs_rejects_names_outside_base(tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputError):
        write_outputs(tmp_path, {name: "x"})
