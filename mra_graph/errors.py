"""Errors raised by mra_graph.

The library never prints or exits: it raises one of these, and the command line
turns them into a message on stderr and a non-zero exit code.
"""
from __future__ import annotations

from dataclasses import dataclass


class MRAGraphError(Exception):
    """Base class of every error mra_graph raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One problem found in a data file: where it is and what is wrong."""

    file: str
    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        if self.column:
            return f"{where}: column '{self.column}': {self.message}"
        return f"{where}: {self.message}"


class DataValidationError(MRAGraphError, ValueError):
    """A data file failed validation; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found:"
        super().__init__("\n".join([head, *map(str, self.problems)]))


class FileReadError(MRAGraphError, OSError):
    """A data file could not be opened."""


class WriteError(MRAGraphError, OSError):
    """An output file could not be written (the old file, if any, is left as it was)."""


class UnknownCodeError(MRAGraphError, KeyError):
    """An administration or bloc code that the data does not know."""

    def __init__(self, kind: str, code: str, suggestions: list[str], known: list[str] | None = None):
        self.code = code
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        if not suggestions and known is not None:
            hint = f" Known: {', '.join(known) or 'none in this dataset'}."
        self.message = f"unknown {kind} '{code}'.{hint}"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class InvalidDateError(MRAGraphError, ValueError):
    """A date that is not in one of the accepted forms."""


class ScenarioError(MRAGraphError, ValueError):
    """A scenario that cannot be used; the message names the file, step and key."""


INSTALL_HELP = ("Graphviz's 'neato' program was not found. Install Graphviz: Debian/Ubuntu "
                "'sudo apt-get install graphviz'; macOS 'brew install graphviz'; Windows "
                "'winget install graphviz' (or the installer from graphviz.org), then add it to PATH; "
                "conda 'conda install -c conda-forge graphviz'.")


class GraphvizNotFound(MRAGraphError):
    """The Graphviz programs are not installed (the message says how to install them)."""

    def __init__(self, message: str = INSTALL_HELP):
        super().__init__(message)


class GraphvizError(MRAGraphError):
    """Graphviz failed on a diagram."""
