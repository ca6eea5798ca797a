"""Command line: parses options and calls the library. Exit codes per SPEC §5."""

from __future__ import annotations

from . import interrupt, terminal

interrupt.install()  # first of all: Ctrl-C while the imports below run is exit 130 too
terminal.silence_library_warnings()

import io  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from contextlib import suppress  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import NoReturn  # noqa: E402

import click  # noqa: E402

from . import __version__  # noqa: E402
from .model import DEFAULT_FAIL_ON, Verdict  # noqa: E402
from .output import OutputError, check_targets, write_reports  # noqa: E402
from .output import Report as Output  # noqa: E402
from .reports import ALIASES, FORMATS, Style, format_for, render  # noqa: E402

EXIT_FAILED = 1
EXIT_INPUT = 2


class InputError(click.ClickException):
    """Unusable input: one line on stderr, exit 2, nothing written."""

    exit_code = EXIT_INPUT

    def show(self, file=None) -> None:
        click.echo(f"factcheck: error: {terminal.clean(self.format_message())}", err=True)


def _colour(stream) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _verdicts(value: str, option: str) -> frozenset[Verdict]:
    """An empty list would silently turn the gate off, and an unknown name would never match: both are errors."""
    from .engine import verdicts

    try:
        return verdicts(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc).replace("fail_on", option), param_hint=option) from None


def _format(_ctx, _param, values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(ALIASES.get(v, v) for v in values)


def _web_url(_ctx, param, value: str | None) -> str | None:
    from .fetch.wayback import web_url

    if value is not None and not web_url(value):
        raise click.BadParameter(f"{value!r} is not an http(s) URL", param=param)
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck", message="%(prog)s %(version)s")
def main() -> None:
    """Check an article's names, dates, figures, quotes and statements against their sources."""


@main.command()
@click.argument("claims", nargs=-1, type=click.Path(path_type=Path))
@click.option("--article", "article", metavar="PATH|URL", help="Check this article instead of the claims file's.")
@click.option("--format", "formats", multiple=True, type=click.Choice([*FORMATS, *ALIASES]), callback=_format,
              help="Report format (md = markdown, xml = junit); repeat together with -o to write several "
                   "reports in one run.")
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report there (format from the extension if --format is not given).")
@click.option("--fail-on", default=",".join(sorted(v.value for v in DEFAULT_FAIL_ON)), show_default=True,
              help="Verdicts that fail the gate, i.e. make the run exit 1 (comma-separated).")
@click.option("--strict", is_flag=True, help="Also fail on unverified claims.")
@click.option("--order", type=click.Choice(["article", "file"]), default="article", show_default=True,
              help="Text report order: by position in the article, or the claims file's order.")
@click.option("--offline", is_flag=True, help="No network: cache and archives only.")
@click.option("--archive", "archive", type=click.Choice(["none", "wayback"]), default="none", show_default=True,
              help="wayback: a dead cited URL without archive: is read from its Wayback Machine snapshot "
                   "closest to the article's date.")
@click.option("--wayback-api", metavar="URL", envvar="FACTCHECK_WAYBACK_API", callback=_web_url,
              help="The Wayback availability API [default: archive.org's; env FACTCHECK_WAYBACK_API].")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="HTTP cache [default: .factcheck-cache beside the claims file].")
@click.option("--refresh", is_flag=True, help="Refetch even when the cache is fresh.")
@click.option("--jobs", default=8, show_default=True, type=click.IntRange(1, 64), help="Concurrent fetches.")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1, 600),
              help="Seconds per request.")
@click.option("--only", metavar="ID[,ID]", help="Check only these claims.")
@click.option("--allow-path", "allow_paths", multiple=True, metavar="DIR",
              type=click.Path(path_type=Path),
              help="Also let the claims file read local files below DIR (repeatable); by default only "
                   "its own directory tree.")
@click.option("--allow-link-local", is_flag=True,
              help="Let sources reach link-local and cloud-metadata addresses (169.254.0.0/16, fd00:ec2::254).")
@click.option("-q", "--quiet", "quiet", count=True, help="Only what fails the gate, no progress.")
@click.option("-v", "--verbose", "verbose", count=True, help="Show each source's evidence.")
def verify(claims, article, formats, outputs, fail_on, strict, order, offline, archive, wayback_api, cache_dir,
           refresh, jobs, timeout, only, allow_paths, allow_link_local, quiet, verbose):
    """Check CLAIMS (default ./claims.yaml) and report a verdict per claim.

    CLAIMS may be several claims files, or folders: every claims.yaml, claims.yml and
    NAME.claims.yaml below a folder is checked, and the reports are combined (one SARIF run,
    a JUnit suite per file, the text under a header per file).

    Exit 0 when every claim passes the gate, 1 when one fails, 2 on unusable input (in any of the
    files: nothing is written), 130 when interrupted (the claims checked so far are printed, no
    report file is written). The gate is the set of verdicts in --fail-on.

    The claims file format, every key with an example: docs/claims-format.md in the repository.
    """
    from .claims import ClaimsError
    from .engine import Options
    from .fetch.wayback import Wayback
    from .runs import BatchInterrupted, claims_files, passed, plan, render_many, run

    targets = _pair_outputs(formats, outputs)
    fail = _verdicts(fail_on, "--fail-on") | ({Verdict.UNVERIFIED} if strict else set())
    options = Options(
        article=article, only=frozenset(i.strip() for i in only.split(",") if i.strip()) if only else None,
        fail_on=frozenset(fail), offline=offline, refresh=refresh, cache_dir=cache_dir, jobs=jobs,
        timeout=timeout, allow_paths=tuple(allow_paths), allow_link_local=allow_link_local,
        wayback=(Wayback(wayback_api) if wayback_api else Wayback()) if archive == "wayback" else None,
    )
    paths = list(claims) or [Path("claims.yaml")]
    many = len(paths) > 1 or paths[0].is_dir()  # a folder's report has the combined form however many it holds
    verbosity = verbose - quiet
    _tolerant(sys.stdout)
    _tolerant(sys.stderr)
    try:
        if many:
            _one_file_only(article, [fmt for fmt, _ in targets])
        plans = plan(claims_files(paths), options.only)
        inputs = [p.claims.path for p in plans] + [article or p.claims.article.url or p.claims.article.path
                                                   for p in plans]
        check_targets([path for _fmt, path in targets if path is not None], inputs)
        with interrupt.raising():
            reports = run(plans, options, _Bar() if not quiet and sys.stderr.isatty() else None, warn=_warn)
    except (ClaimsError, OutputError) as exc:
        raise InputError(str(exc)) from None
    except BatchInterrupted as stop:
        _interrupted(stop, verbosity, many)

    def rendered(fmt: str, style: Style) -> str:
        return render_many(reports, fmt, style) if many else render(reports[0], fmt, style)

    colour = _colour(sys.stdout)
    files = [Output(path, rendered(fmt, Style(verbosity=verbosity, order=order)))
             for fmt, path in targets if path is not None]
    printed = [_for_terminal(fmt, rendered(fmt, Style(colour and fmt == "text", verbosity, order=order)))
               for fmt in [fmt for fmt, path in targets if path is None] or ["text"]]
    try:
        write_reports(files, then=lambda: click.echo("".join(printed), nl=False, color=colour))
    except OutputError as exc:
        raise InputError(str(exc)) from None
    sys.exit(0 if passed(reports) else EXIT_FAILED)


def _one_file_only(article: str | None, formats: list[str]) -> None:
    """What a run of many claims files cannot do: one --article for all, one HTML page for all."""
    if article is not None:
        raise click.BadParameter("takes one claims file (each claims file names its own article)",
                                 param_hint="--article")
    if "html" in formats:
        raise click.BadParameter("html is one article's page: give one claims file, or use markdown for many",
                                 param_hint="--format")


def _warn(warning: str) -> None:
    click.echo(f"factcheck: warning: {terminal.clean(warning)}", err=True)


def _for_terminal(fmt: str, rendered: str) -> str:
    """JSON documents on a terminal carry C1 and bidi controls as escapes; the other formats escape their own."""
    return terminal.json_for_terminal(rendered) if fmt in ("json", "sarif") else rendered


class _Bar:
    """The engine's progress, as click's bar on stderr."""

    def __init__(self) -> None:
        self.bar: click._termui_impl.ProgressBar[int] | None = None

    def start(self, total: int) -> None:
        bar = click.progressbar(length=total, label="checking claims", file=sys.stderr)
        self.bar = bar.__enter__()

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _interrupted(stop, verbosity: int, many: bool) -> NoReturn:
    """Ctrl-C: the claims checked so far as text (its summary says interrupted, never passed),
    one line on stderr, exit 130, no report files.

    Exits at once rather than waiting for fetches in flight, which may take up to their deadline;
    the cache is safe, since every entry is written to a temporary file and renamed."""
    from .reports.text import render_many as text_many

    with interrupt.deferred():  # a second Ctrl-C must not cut the partial report short
        colour = _colour(sys.stdout)
        if many and (stop.reports or stop.partial is not None):
            click.echo(text_many(stop.reports, colour, verbosity, complete=False, partial=stop.partial),
                       nl=False, color=colour)
        elif not many and stop.partial is not None:
            click.echo(render(stop.partial, "text", Style(colour, verbosity, complete=False)), nl=False, color=colour)
        interrupt.exit_interrupted(f"interrupted: {stop.checked} of {stop.total} claims checked")


def _pair_outputs(formats, outputs) -> list[tuple[str, Path | None]]:
    """The i-th ``-o`` takes the i-th ``--format`` (or its extension's); a format left over goes to stdout."""
    targets: list[tuple[str, Path | None]] = []
    for i, path in enumerate(outputs):
        fmt = formats[i] if i < len(formats) else format_for(path)
        if fmt is None:
            raise click.BadParameter(f"cannot tell the format of {path}; give --format", param_hint="-o")
        targets.append((fmt, path))
    leftover = list(formats[len(outputs):])
    if len(leftover) > 1:
        raise click.BadParameter("only one format can go to standard output; give -o for the others",
                                 param_hint="--format")
    return targets + [(fmt, None) for fmt in leftover]


def _tolerant(stream) -> None:
    """Let a stream print any string: a lone surrogate becomes its escape instead of a traceback."""
    if isinstance(stream, io.TextIOWrapper) and stream.errors in ("strict", "surrogateescape"):
        with suppress(ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")


def _load_article(source: str):
    from .engine import ArticleError, load_article

    try:
        return load_article(source)
    except ArticleError as exc:
        raise InputError(f"{source}: cannot read article: {exc.reason.removeprefix('cannot be read: ')}") from None


@main.command()
@click.argument("article")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def lint(article, fmt):
    """Find inconsistent spellings of one name in ARTICLE (no claims file needed).

    Exit 1 when something is found, 0 when clean, 2 on unusable input.
    """
    from .lint import lint_article, render_json, render_text

    doc = _load_article(article)
    findings = lint_article(doc)
    rendered = (render_json if fmt == "json" else render_text)(doc, findings)
    click.echo(terminal.json_for_terminal(rendered) if fmt == "json" else terminal.clean_block(rendered), nl=False)
    sys.exit(EXIT_FAILED if findings else 0)


@main.command()
@click.argument("article")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the draft there.")
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), help="The article's publication date.")
def extract(article, output, published):
    """Draft a claims.yaml from ARTICLE's checkable statements."""
    from .draft import draft_claims

    doc = _load_article(article)  # refuses a binary or empty file (engine.not_text)
    claims_dir = (output.parent if output else Path.cwd()).resolve()
    relative = os.path.relpath(Path(article).resolve(), claims_dir)
    text = draft_claims(doc, Path(relative).as_posix(), published.date() if published else None)
    if output:
        try:
            check_targets([output], [article])
            write_reports([Output(output, text)])
        except OutputError as exc:
            raise InputError(str(exc)) from None
    else:
        click.echo(text, nl=False)


@main.command()
@click.argument("pages", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--selector", help="CSS selector narrowing each page, as in the claims file.")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1, 600))
def text(pages, fmt, selector, timeout):
    """Print the readable text of each PAGE (file or URL) exactly as verify reads it, each under a
    "==> PAGE <==" header when there are several.

    Exit 1 when a page could not be read or has no text (a --selector matching nothing), 2 when a
    file is not text.
    """
    from .fetch import Fetcher
    from .model import SourceSpec
    from .sources import gather

    specs = [
        SourceSpec(p, url=p, selector=selector) if p.startswith(("http://", "https://"))
        else SourceSpec(p, archive=Path(p), selector=selector)
        for p in pages
    ]
    web = [s for s in specs if s.url]
    with Fetcher(cache_dir=None, timeout=timeout) as fetcher:
        documents = gather(web, fetcher)
    failed = False
    for spec in specs:
        doc = documents[spec] if spec.url else _local_page(spec)
        error = doc.error or _unused_selector(doc, selector) or (None if doc.text.strip() else _nothing_read(selector))
        failed = failed or error is not None
        note = error or "; ".join(n.text for n in doc.notes) or None
        if fmt == "json":
            click.echo(terminal.json_for_terminal(json.dumps(
                {"source": spec.key, "text": None if error else doc.text, "note": note}, ensure_ascii=False)))
            continue
        if note:
            click.echo(f"factcheck: {terminal.clean(spec.key)}: {terminal.clean(note)}", err=True)
        if error is None:
            header = f"==> {terminal.clean(spec.key)} <==\n" if len(specs) > 1 else ""
            click.echo(header + terminal.clean_block(doc.text.rstrip("\n")) + "\n")
    sys.exit(EXIT_FAILED if failed else 0)


def _local_page(spec):
    """A file named on the command line; a missing one is called missing, not an archive."""
    from .model import Document
    from .sources import read_local

    path = Path(spec.archive)
    if not path.exists():
        return Document(spec, error=f"no such file: {path}")
    return read_local(spec)


def _unused_selector(doc, selector: str | None) -> str | None:
    """verify falls back to the whole page when a selector matches nothing; asked for that selector's
    text, the text command says so instead of printing the whole page."""
    from .model import NoteKind

    if selector is None:
        return None
    unused = [n for n in doc.notes if n.kind is NoteKind.EXTRACTION and f"selector {selector!r}" in n.text]
    return f"selector {selector!r} matches nothing on the page" if unused else None


def _nothing_read(selector: str | None) -> str:
    return f"selector {selector!r} matches nothing on the page" if selector else "the page has no readable text"


@main.command()
def schema() -> None:
    """Print the claims file's JSON Schema (for editors: `# yaml-language-server: $schema=...`)."""
    from .claims.schema import text as schema_text

    click.echo(schema_text(), nl=False)
