"""The project's own errors. Anything a user can cause raises one of these, with a message that
names the file and the problem; the CLI prints it as one line and never a traceback."""
from __future__ import annotations


class ZhibiaoError(Exception):
    """Base of every error zhibiao reports to a user."""

    exit_code = 1


class LoadError(ZhibiaoError):
    """A file could not be read as a document (missing, empty, binary, scanned, encrypted...)."""

    exit_code = 3

    def __init__(self, path: str, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class LimitExceeded(LoadError):
    """A configured limit (file size, pages, decompressed size, time) was exceeded."""


class InputError(ZhibiaoError):
    """Bad input to a command that is not a document (a CSV row, a filter value...)."""

    exit_code = 2


class AmbiguousName(InputError):
    """A name several things bear (朝阳区: Beijing's and Changchun's): ``candidates`` lists them
    (dicts: name, code, place), for a person to choose one."""

    def __init__(self, message: str, candidates: list[dict]):
        super().__init__(message)
        self.candidates = candidates


class FetchError(LoadError):
    """An address could not be fetched as a document: refused (private address, robots.txt, a
    page that needs JavaScript), unreachable, timed out, over a limit, or not a document."""


class NotFound(ZhibiaoError):
    """A question about something the database does not hold: an unknown region or indicator, a
    region-year without data, a missing document. The message names the closest matches or what
    exists; the CLI exits 1, the API answers 404."""

    exit_code = 1


class DatabaseFileError(ZhibiaoError):
    """The database file cannot be used: not a SQLite database, damaged, truncated, a folder,
    read-only. Like any unreadable input (exit code 3)."""

    exit_code = 3


class DatabaseUnreachable(ZhibiaoError):
    """The database server cannot be reached or refuses the connection (exit code 4)."""

    exit_code = 4
