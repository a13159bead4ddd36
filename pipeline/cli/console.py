"""What the ``seminar`` command shows on the terminal: progress, what was read, every error in one line.

Progress is a spinner with the elapsed time, shown on a terminal only and never with
``--quiet``; off the terminal a step is only logged (seen with ``--verbose``). Errors the user
can act on (:class:`~pipeline.errors.SeminarError`) and usage errors (an unknown option, a
missing argument, a bad value) are printed as one line that says what to do; no traceback
reaches the user unless ``--debug`` is given (:func:`run`).
"""

from __future__ import annotations

import logging
import sys
import time
from contextlib import contextmanager

import typer

from pipeline.errors import SeminarError

__all__ = [
    "Settings",
    "StderrProxy",
    "click_class",
    "echo_err",
    "nothing_usable",
    "report_curation",
    "report_ingest",
    "run",
    "step",
    "usage_line",
]

log = logging.getLogger("pipeline")


class Settings:
    """The global options of the current command."""

    debug = False
    quiet = False


class StderrProxy:
    """``sys.stderr`` looked up on every write (a progress display replaces it while it runs)."""

    def write(self, text: str) -> int:
        """Write to the current ``sys.stderr``."""
        return sys.stderr.write(text)

    def flush(self) -> None:
        """Flush the current ``sys.stderr``."""
        sys.stderr.flush()


def _show_progress() -> bool:
    """Progress is shown on a terminal only, and never with ``--quiet``."""
    try:
        return not Settings.quiet and sys.stderr.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stderr
        return False


@contextmanager
def step(text: str):
    """Show ``text`` with a spinner and the elapsed time while the block runs, then a ✓ line with the time.

    Off the terminal (or with ``--quiet``) the step is only logged (seen with ``--verbose``).
    """
    if not _show_progress():
        log.info("%s ...", text)
        start = time.perf_counter()
        yield
        log.info("%s: %.2f s", text, time.perf_counter() - start)
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True, highlight=False)
    start = time.perf_counter()
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        progress.add_task(escape(text), total=None)
        yield
    console.print(f"[green]✓[/green] {escape(text)} ({time.perf_counter() - start:.1f} s)")


def click_class(name: str) -> type:
    """Click's exception class ``name`` as this Typer raises it (recent Typers carry their own click)."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)


def usage_line(exc) -> str:
    """One line for a usage error: what is wrong and where the options are listed."""
    ctx = getattr(exc, "ctx", None)
    kind = type(exc).__name__
    param = getattr(exc, "param", None)

    def name_of(p) -> str:
        if p is None:
            return ""
        if getattr(p, "param_type_name", "") == "argument":
            return (p.metavar or p.name or "").upper().rstrip(".")
        opts = [o for o in getattr(p, "opts", []) if o.startswith("--")] or list(getattr(p, "opts", []))
        return opts[0] if opts else str(p.name)

    if kind == "NoSuchOption":
        message = f"no such option {exc.option_name}"
        if getattr(exc, "possibilities", None):
            message += f" (did you mean {' or '.join(sorted(exc.possibilities))}?)"
    elif kind == "MissingParameter":
        what = getattr(param, "param_type_name", None) or getattr(exc, "param_type", None) or "parameter"
        message = f"missing {what} {name_of(param) or exc.param_hint or ''}".rstrip()
    elif kind in ("BadParameter", "BadOptionUsage", "BadArgumentUsage"):
        hint = getattr(exc, "param_hint", None) or name_of(param)
        detail = str(exc.message)
        if detail.startswith("Input should be"):  # a type conversion (pydantic wording): keep the gist
            detail = "i" + detail.split(",")[0][1:]
        if isinstance(hint, (list, tuple)):
            hint = " / ".join(hint)
        message = f"invalid value for {hint}: {detail}" if hint else f"invalid value: {detail}"
    else:  # e.g. "No such command 'x'."
        message = exc.format_message().strip().rstrip(".")
        message = message[:1].lower() + message[1:]
    message = " ".join(message.split())  # one line
    is_group = ctx is None or ctx.parent is None
    path = ctx.command_path if ctx is not None else "seminar"
    return (
        f"error: {message}. Run '{path} --help' for the {'commands and options' if is_group else 'options'}."
    )


def echo_err(text: str) -> None:
    """One line on stderr."""
    typer.echo(text, err=True)


def report_ingest(result) -> None:
    """What was read: notes per file, every file that could not be read, every rejected note and why."""
    for f in result.files:
        if f.error:
            echo_err(f"error: {f.error}")
        else:
            skipped = sum(1 for s in f.details.get("skipped", []) if s["reason"] != "core-area heading")
            typer.echo(
                f"read {f.source_file} ({f.format}): {f.notes_found} notes"
                + (
                    f"; {skipped} paragraph(s) with text are no note (listed in the manifest)"
                    if skipped
                    else ""
                )
            )
    for r in result.rejects.itertuples():
        echo_err(f"rejected: {r.source_file} ({r.source_ref}), group {r.group or '?'}: {r.reason}")
    typer.echo(f"{len(result.notes)} notes accepted, {len(result.rejects)} rejected")


def nothing_usable(result, what: str, *, kept: bool = True) -> str:
    """The last line when no usable note was read; the error itself was said above it, once.

    Every file unreadable: its own error line is the message, this line only says what follows.
    Notes read but all rejected: this is the error (the reasons are on the ``rejected:`` lines).
    """
    after = "; the previous outputs are unchanged" if kept else ""
    if not len(result.rejects) and all(f.error for f in result.files):
        return f"nothing to {what}: no notes file could be read (see above){after}."
    return (
        f"error: no usable notes were read: all {len(result.rejects)} note(s) were rejected "
        f"(the reasons are above); nothing to {what}{after}."
    )


def report_curation(curation) -> None:
    """What the codebook changed, and every entry that was not applied with the reason."""
    log_ = curation.log
    applied, skipped = log_[log_["applied"]], log_[~log_["applied"]]
    total = curation.agreement["total"]
    typer.echo(
        f"codebook {curation.file}: {len(applied)} applied, {len(skipped)} not applied "
        "(see the method appendix); "
        f"{total['moved']} of {total['units']} key phrases moved (kappa {total['kappa']})"
    )
    for r in skipped.itertuples():
        echo_err(f"not applied: {curation.file} (line {r.line}), {r.entry}: {r.reason}")


class ConsoleProgress:
    """A run's progress on the terminal (:class:`pipeline.flows.seminar.Progress`).

    A spinner per step, what was read, what the codebook changed.
    """

    def step(self, label: str):
        """:func:`step`."""
        return step(label)

    def ingested(self, result) -> None:
        """:func:`report_ingest`."""
        report_ingest(result)

    def curated(self, curation) -> None:
        """:func:`report_curation`."""
        report_curation(curation)


def run(app: typer.Typer, prog_name: str = "seminar") -> None:
    """Run the Typer ``app`` and turn every way it can end into an exit code and at most one line of error."""
    from pipeline.io.outputs import describe_os_error
    from pipeline.privacy import redact_message

    usage_error, click_error = click_class("UsageError"), click_class("ClickException")
    try:
        # With standalone_mode=False click returns the exit code of typer.Exit instead of exiting.
        code = app(standalone_mode=False, prog_name=prog_name)
        if isinstance(code, int):
            sys.exit(code)
    except SeminarError as exc:
        echo_err(f"error: {redact_message(str(exc))}")
        sys.exit(1)
    except OSError as exc:  # a folder that cannot be written, a full disk: one message, not "unexpected"
        if Settings.debug:
            raise
        echo_err(f"error: {redact_message(describe_os_error(exc))}")
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        echo_err("aborted")
        sys.exit(130)
    except usage_error as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # plain `seminar`: the help is the answer
            typer.echo(exc.format_message())
            sys.exit(0)
        if Settings.debug:
            raise
        echo_err(usage_line(exc))
        sys.exit(2)
    except click_error as exc:  # e.g. a file click could not open
        echo_err(f"error: {exc.format_message()}")
        sys.exit(exc.exit_code)
    except Exception as exc:
        if Settings.debug:
            raise
        echo_err(
            f"error: unexpected {type(exc).__name__}: {redact_message(str(exc))}\n"
            "  Run again with --debug for the traceback, and report it."
        )
        sys.exit(2)
