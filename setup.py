"""Optional mypyc compilation of geomap's hot modules (the metadata is all in pyproject.toml).

`pip install .` compiles the modules in COMPILED to C extensions with mypyc (about 3 minutes on
two cores): `analyse_article` then runs about a third faster. The .py files ship beside the
extensions, and the build falls back to pure Python, with a warning, when:

  * GEOMAP_MYPYC=0 is set (GEOMAP_MYPYC=1 forces compilation, editable installs included);
  * the install is editable (`pip install -e .`): compiled modules would hide edits to the .py;
  * mypyc cannot be imported or rejects the code, or there is no working C compiler.

A development build in place (extensions beside the sources; delete geomap/*.so and
geomap__mypyc*.so to go back to the sources): `python setup.py build_ext --inplace`, with
setuptools >= 77 and mypy installed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# Pure functions over text and the gazetteer; models.py (pydantic) and the rest stay Python.
COMPILED = [
    "geomap/movements.py",
    "geomap/recognise.py",
    "geomap/resolve.py",
    "geomap/timex.py",
    "geomap/sentences.py",
]
# Commands that build extensions; metadata-only runs (egg_info, dist_info, sdist) skip mypyc.
BUILD_COMMANDS = {"build", "build_ext", "bdist_wheel", "install", "develop"}


def warn(message: str) -> None:
    print(f"geomap setup: {message}; installing pure Python", file=sys.stderr)


def mypyc_extensions() -> list[Extension]:
    wanted = os.environ.get("GEOMAP_MYPYC", "").strip()
    if wanted == "0":
        return []
    building = BUILD_COMMANDS | ({"editable_wheel"} if wanted == "1" else set())
    if building.isdisjoint(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        warn("mypyc is not installed")
        return []
    try:
        # group_name: the shared runtime is geomap__mypyc.*.so, not a hash-named module
        return mypycify(COMPILED, opt_level="3", group_name="geomap")
    except (Exception, SystemExit) as error:  # mypy exits on a type error
        warn(f"mypyc failed ({error!r})")
        return []


class OptionalBuildExt(build_ext):
    """All extensions or none: a half-built set (shims without their shared runtime) would
    fail at import time, whereas no extensions leave the .py files in charge."""

    def build_extensions(self) -> None:
        try:
            super().build_extensions()
        except Exception as error:  # CompileError, DistutilsExecError (no gcc), LinkError...
            for extension in self.extensions:
                Path(self.get_ext_fullpath(extension.name)).unlink(missing_ok=True)
            warn(f"compiling the mypyc extensions failed ({error})")


setup(ext_modules=mypyc_extensions(), cmdclass={"build_ext": OptionalBuildExt})
