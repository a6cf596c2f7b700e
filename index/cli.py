"""`pidshyvka` ingest commands: rebuild, extract, analyze. Thin over the library."""

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
from index.quotes import attach_quotes
from index.store import IndexLocationError
from index.update import update

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


def archive_command(function: Callable) -> Callable:
    """The arguments `rebuild` and `update` share: ARCHIVE, --index, --jobs."""
    function = click.option(
        "--jobs",
        type=click.IntRange(1, 64),
        default=1,
        show_default=True,
        help="Processes working in parallel.",
    )(function)
    function = click.option(
        "--index",
        "index_dir",
        type=click.Path(path_type=Path),
        default=DEFAULT_INDEX,
        show_default=True,
        help="Where the index lives.",
    )(function)
    return click.argument("archive", type=click.Path(path_type=Path))(function)


def run_build(build: Callable, archive: Path, index_dir: Path, jobs: int) -> None:
    """Run a rebuild or update; failures become one clear line, and the old index stays."""
    try:
        summary = build(archive, index_dir, jobs=jobs)
    except (RebuildError, IndexLocationError) as err:
        raise click.ClickException(str(err)) from err
    except KeyboardInterrupt:
        raise click.ClickException("interrupted: the previous index is still in place") from None
    for line in summary.lines():
        click.echo(line)


@cli.command("rebuild")
@archive_command
def rebuild_command(archive: Path, index_dir: Path, jobs: int) -> None:
    """Index every stored page under ARCHIVE into a fresh index, swapped in when complete."""
    run_build(rebuild, archive, index_dir, jobs)


@cli.command("update")
@archive_command
def update_command(archive: Path, index_dir: Path, jobs: int) -> None:
    """Index only new or changed pages under ARCHIVE and drop pages that are gone."""
    run_build(update, archive, index_dir, jobs)


def extraction_json(path: Path) -> dict:
    article = extract_page(path.read_bytes(), path=str(path))
    if article.kind == "article":
        attach_quotes(article)
    data = article.to_json()
    data["quotes"] = [{"text": q["text"], "speaker": q["speaker"]} for q in data["quotes"]]
    return {key: data[key] for key in EXTRACT_KEYS}


@cli.command("extract")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def extract_command(files: tuple[Path, ...], as_json: bool) -> None:
    """Print the article extracted from each stored page."""
    failed = False
    for path in files:
        try:
            data = extraction_json(path)
        except (ExtractionError, OSError) as err:
            click.echo(f"{path}: {err}", err=True)
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
