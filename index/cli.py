"""`pidshyvka` ingest commands: rebuild, update, outlets, extract, analyze. Thin over the
library."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from index.analysis import analyzed_terms
from index.build import RebuildError, rebuild
from index.extract import ExtractionError, extract_page
from index.outlets import CHOICES_NAME, read_choices
from index.quotes import attach_quotes
from index.store import IndexLocationError
from index.update import update
from index.workers import DEFAULT_BUDGET, Budget, Overrun, Supervisor

DEFAULT_INDEX = Path("var/index")
DEFAULT_JOBS = min(4, os.cpu_count() or 1)
EXTRACT_KEYS = (
    "path",
    "kind",
    "url",
    "title",
    "published",
    "source",
    "domain",
    "rubric",
    "rubrics",
    "authors",
    "language",
    "lead",
    "body",
    "quotes",
    "speakers",
)


@click.group()
@click.version_option(package_name="pidshyvka")
def cli() -> None:
    """pidshyvka: search archives of Ukrainian news stored as HTML."""


index_option = click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_INDEX,
    show_default=True,
    help="Where the index lives.",
)


def budget_options(function: Callable) -> Callable:
    """--page-timeout and --page-memory: what one page may take before it is skipped."""
    function = click.option(
        "--page-memory",
        type=click.IntRange(0),
        default=DEFAULT_BUDGET.megabytes,
        show_default=True,
        help="MB one page may need before it is skipped (0: no limit).",
    )(function)
    return click.option(
        "--page-timeout",
        type=click.FloatRange(0),
        default=DEFAULT_BUDGET.seconds,
        show_default=True,
        help="Seconds one page may take before it is skipped (0: no limit).",
    )(function)


def page_budget(page_timeout: float, page_memory: int) -> Budget:
    return Budget(seconds=page_timeout or None, megabytes=page_memory or None)


def archive_command(function: Callable) -> Callable:
    """The arguments `rebuild` and `update` share: ARCHIVE, --index, --jobs, --cluster,
    --outlets, the page budget."""
    function = budget_options(function)
    function = click.option(
        "--cluster",
        metavar="ADDRESS",
        default=None,
        help="Read and extract the pages on the Dask cluster whose scheduler is at ADDRESS"
        " (tcp://HOST:8786); ARCHIVE and --index must be at the same path on every worker.",
    )(function)
    function = click.option(
        "--outlets",
        "outlets_file",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Outlet names to use (TOML; default: outlets.toml in ARCHIVE, if there).",
    )(function)
    function = click.option(
        "--jobs",
        type=click.IntRange(1, 64),
        default=1,
        show_default=True,
        help="Processes working in parallel.",
    )(function)
    function = index_option(function)
    return click.argument("archive", type=click.Path(path_type=Path))(function)


def run_build(
    build: Callable,
    archive: Path,
    index_dir: Path,
    jobs: int,
    cluster: str | None,
    outlets_file: Path | None,
    page_timeout: float,
    page_memory: int,
) -> None:
    """Run a rebuild or update; failures become one clear line, and the old index stays."""
    budget = page_budget(page_timeout, page_memory)
    try:
        summary = build(
            archive, index_dir, jobs=jobs, budget=budget, outlets=outlets_file, cluster=cluster
        )
    except (RebuildError, IndexLocationError) as err:
        raise click.ClickException(str(err)) from err
    except KeyboardInterrupt:
        raise click.ClickException("interrupted: the previous index is still in place") from None
    for line in summary.lines():
        click.echo(line)


@cli.command("rebuild")
@archive_command
def rebuild_command(**options: object) -> None:
    """Index every stored page under ARCHIVE into a fresh index, swapped in when complete."""
    run_build(rebuild, **options)  # type: ignore[arg-type]


@cli.command("update")
@archive_command
def update_command(**options: object) -> None:
    """Index only new or changed pages under ARCHIVE and drop pages that are gone."""
    run_build(update, **options)  # type: ignore[arg-type]


@cli.command("outlets")
@index_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def outlets_command(index_dir: Path, as_json: bool) -> None:
    """List each domain with the outlet names its pages gave and the one shown."""
    if not (index_dir / CHOICES_NAME).is_file():
        raise click.ClickException(
            f"no outlet list in {index_dir}: build it with `pidshyvka rebuild ARCHIVE"
            f" --index {index_dir}` (indexes built before outlet names were chosen have none)"
        )
    for choice in read_choices(index_dir):
        if as_json:
            click.echo(json.dumps(choice.to_json(), ensure_ascii=False))
            continue
        seen = "; ".join(f"{name} ×{count}" for name, count in choice.seen.items()) or "—"
        click.echo(f"{choice.domain}\t{choice.name}\t({choice.how})\tpages say: {seen}")


def extraction_json(path: Path) -> dict:
    article = extract_page(path.read_bytes(), path=str(path))
    if article.kind == "article":
        attach_quotes(article)
    data = article.to_json()
    data["quotes"] = [{"text": q["text"], "speaker": q["speaker"]} for q in data["quotes"]]
    return {key: data[key] for key in EXTRACT_KEYS}


def extraction_or_error(path: Path) -> dict | str:
    """What `extract` prints for one file, or why it cannot."""
    try:
        return extraction_json(path)
    except (ExtractionError, OSError) as err:
        return str(err)


@cli.command("extract")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@budget_options
def extract_command(
    files: tuple[Path, ...], as_json: bool, page_timeout: float, page_memory: int
) -> None:
    """Print the article extracted from each stored page."""
    failed = False
    supervisor = Supervisor(extraction_or_error, budget=page_budget(page_timeout, page_memory))
    for done in supervisor.run(files):
        path, data = done.item, done.outcome
        if isinstance(data, Overrun | str):
            reason = data.reason if isinstance(data, Overrun) else data
            click.echo(f"{path}: {reason}", err=True)
            failed = True
            continue
        if as_json:
            click.echo(json.dumps(data, ensure_ascii=False))
        else:
            _print_article(data)
    if failed:
        sys.exit(1)


def _print_article(data: dict) -> None:
    for key in EXTRACT_KEYS:
        value = data[key]
        if key == "body":
            value = (value[:300] + "…") if len(value) > 300 else value
        if key == "quotes":
            value = "; ".join(f"{q['speaker'] or '?'}: {q['text'][:60]}" for q in value)
        click.echo(f"{key:>10}: {value}")
    click.echo()


@cli.command("analyze")
@click.argument("text")
@click.option("--language", type=click.Choice(["uk", "ru"]), default="uk", show_default=True)
@click.option("--query", "as_query", is_flag=True, help="Analyse as a query (both dictionaries).")
@click.option("--json", "as_json", is_flag=True)
def analyze_command(text: str, language: str, as_query: bool, as_json: bool) -> None:
    """Print, per token position, the terms indexed there."""
    rows = analyzed_terms(text, language=language, mode="query" if as_query else "index")
    if as_json:
        click.echo(
            json.dumps(
                [{"position": p, "word": w, "terms": t} for p, w, t in rows], ensure_ascii=False
            )
        )
        return
    for position, word, terms in rows:
        click.echo(f"{position:>4}  {word:<24} {' '.join(terms)}")
