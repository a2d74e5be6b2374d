"""User-caused errors, each with its exit code: the CLI prints one line and exits cleanly."""

from __future__ import annotations

# Exit codes, documented in the README.
EXIT_OK = 0
EXIT_FAILURE = 1  # unexpected internal error (reported in one line, details with --verbose)
EXIT_USAGE = 2  # bad command line
EXIT_INPUT = (
    3  # an input could not be read: missing, empty, binary, undecodable, too large, no text
)
EXIT_NO_PLACES = 4  # articles were read but none yielded a place: no map written
EXIT_OUTPUT = 5  # an output could not be written
EXIT_GAZETTEER = 6  # the gazetteer could not be built or opened
EXIT_INTERRUPTED = 130


class GeomapError(Exception):
    """An error with a one-line message for the user and an exit code."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(GeomapError):
    exit_code = EXIT_INPUT


class NoPlacesError(GeomapError):
    exit_code = EXIT_NO_PLACES


class OutputError(GeomapError):
    exit_code = EXIT_OUTPUT


class GazetteerError(GeomapError):
    exit_code = EXIT_GAZETTEER
