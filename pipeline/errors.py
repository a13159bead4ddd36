"""Errors a user can act on.

Every error names the file, the place in it and the fix, so the CLI can print it as one
message instead of a traceback (in the spirit of spaCy's ``Errors.E###`` messages).
"""

from __future__ import annotations


class SeminarError(Exception):
    """Base class for errors the CLI reports without a traceback: what is wrong, where, and the fix.

    Args:
        file: Name of the file (as the user gave it).
        problem: What is wrong, in one sentence.
        fix: What the user can do about it.
        place: Where in the file (``"line 12"``, ``"sheet 'Noter', row 4"``), if it matters.
    """

    def __init__(self, file: str, problem: str, fix: str, place: str | None = None) -> None:
        self.file = file
        self.place = place
        self.problem = problem
        self.fix = fix
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file} ({self.place})" if self.place else self.file
        return f"{where}: {self.problem}\n  Fix: {self.fix}"


class InputError(SeminarError):
    """An input file that cannot be read as seminar notes.

    Args:
        file: Name of the file (as the user gave it).
        place: Where in the file: ``"line 12"``, ``"sheet 'Noter', row 4"``, ``"whole file"``.
        problem: What is wrong, in one sentence.
        fix: What the user can do about it.
    """

    def __init__(self, file: str, place: str, problem: str, fix: str) -> None:
        super().__init__(file, problem, fix, place)


class ConfigError(SeminarError):
    """A seminar configuration file that is missing, malformed or inconsistent.

    Raised as ``ConfigError(file, problem, fix)``.
    """


def unreadable(exc: OSError) -> tuple[str, str]:
    """``(problem, fix)`` for an input file the system will not let the program read.

    A file without read permission, one that another program holds locked, a disk error.
    """
    if isinstance(exc, PermissionError):
        return (
            "the file cannot be read: permission denied",
            "give your user read access to it (Windows: Properties > Security; elsewhere: chmod u+r), "
            "or copy it into a folder of your own and point to the copy.",
        )
    what = exc.strerror or type(exc).__name__
    return (
        f"the file cannot be read ({what})",
        "close any program that has it open, copy it to a local folder, and run again.",
    )
