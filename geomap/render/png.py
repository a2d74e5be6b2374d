"""A PNG snapshot of a rendered map page, taken by headless Chromium.

Uses the Chromium command line (no Python browser driver needed). `--virtual-time-budget` lets
the page's script run and lay out the map before the screenshot; with no network, nothing is
waited for beyond that.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from geomap.errors import OutputError

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-extensions",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--mute-audio",
)


def find_chromium() -> str | None:
    """Path of a Chromium/Chrome executable, or None. GEOMAP_CHROMIUM overrides the search."""
    override = os.environ.get("GEOMAP_CHROMIUM")
    if override:
        return override if Path(override).exists() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def render_png(
    html_path: str | os.PathLike[str],
    png_path: str | os.PathLike[str],
    *,
    width: int = 1280,
    height: int = 800,
    budget_ms: int = 4000,
    timeout_s: float = 90.0,
) -> None:
    """Screenshot `html_path` into `png_path` (written atomically: temp file, then rename)."""
    chromium = find_chromium()
    if chromium is None:
        raise OutputError(
            "cannot write PNG: no Chromium found (install chromium or set GEOMAP_CHROMIUM)"
        )
    page = Path(html_path).resolve()
    if not page.is_file():
        raise OutputError(f"cannot write PNG: {page} does not exist")
    target = Path(png_path)
    target_dir = target.resolve().parent
    with tempfile.TemporaryDirectory(prefix="geomap-chromium-") as profile:
        shot = Path(profile) / "shot.png"
        command = [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            f"--virtual-time-budget={budget_ms}",
            f"--screenshot={shot}",
            page.as_uri(),
        ]
        try:
            completed = subprocess.run(
                command,
                capture_output=True,
                timeout=timeout_s,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as exc:
            raise OutputError(
                f"cannot write PNG: Chromium took longer than {timeout_s:.0f} s"
            ) from exc
        except OSError as exc:
            raise OutputError(f"cannot write PNG: cannot run Chromium: {exc}") from exc
        if not shot.is_file() or shot.stat().st_size == 0:
            detail = completed.stderr.decode("utf-8", "replace").strip().splitlines()
            reason = detail[-1] if detail else f"exit code {completed.returncode}"
            raise OutputError(f"cannot write PNG: Chromium made no screenshot ({reason})")
        try:
            target_dir.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".tmp", dir=target_dir
            )
            with os.fdopen(fd, "wb") as handle:
                handle.write(shot.read_bytes())
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
            os.replace(tmp_name, target)
        except OSError as exc:
            if "tmp_name" in locals() and Path(tmp_name).exists():
                Path(tmp_name).unlink()
            raise OutputError(f"cannot write PNG {target}: {exc.strerror or exc}") from exc
