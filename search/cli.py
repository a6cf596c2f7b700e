"""`pidshyvka search`: the query side from a terminal, for people and for scripts."""

from __future__ import annotations

import json
import re
import sys
from html import unescape
from pathlib import Path

import click

from index.cli import index_option
from search.engine import IndexNotFound, iter_matching, open_searcher, run_search
from search.export import csv_rows
from search.notes import Note
from search.parquet import export_parquet
from search.results import MAX_PAGE_SIZE, SORTS, SearchRequest, SearchResult

_MARK = re.compile(r"</?mark>")


@click.command("search")
@click.argument("query")
@index_option
@click.option("--limit", type=click.IntRange(1, MAX_PAGE_SIZE), default=10, show_default=True)
@click.option("--page", type=click.IntRange(1), default=1, show_default=True)
@click.option(
    "--all", "every", is_flag=True, help="Every match, written as it is read (no --limit)."
)
@click.option("--sort", type=click.Choice(SORTS), default="relevance")
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="json: the result as one object (with --all: one article per line); csv: one row "
    "per article, as the web export.",
)
@click.option("--json", "as_json", is_flag=True, help="The same as --format json.")
def search_command(
    query: str,
    index_dir: Path,
    limit: int,
    page: int,
    every: bool,
    sort: str,
    output: str,
    as_json: bool,
) -> None:
    """Search the index and print the hits (or, with --all, every match)."""
    output = "json" if as_json else output
    try:
        searcher = open_searcher(index_dir)
    except IndexNotFound as err:
        raise click.ClickException(str(err)) from err
    with searcher:
        if every or output == "csv":
            request = SearchRequest(text=query, sort=sort)
            articles = iter_matching(searcher, request)
            if not every:
                articles = (a for n, a in enumerate(articles) if n < limit)
            _stream(articles, output)
            return
        request = SearchRequest(text=query, page=page, page_size=limit, sort=sort)
        result = run_search(searcher, request)
        if output == "json":
            click.echo(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            _print(result)


def _stream(articles, output: str) -> None:
    """Each article written as soon as it is read: a million rows need no memory."""
    if output == "csv":
        for row in csv_rows(articles):
            sys.stdout.write(row)
        return
    for article in articles:
        if output == "json":
            sys.stdout.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
        else:
            when = article.published.date().isoformat() if article.published else "----------"
            sys.stdout.write(f"{when}  {article.source}  {article.title}\n")


def note_line(note: Note) -> str:
    """A note in the CLI's words: its case, and what it is about."""
    about = [f"«{note.typed}»"] if note.typed else []
    about += [", ".join(note.values)] if note.values else []
    about += [str(note.limit)] if note.limit else []
    return note.code.replace("_", " ") + (": " + " ".join(about) if about else "")


def _print(result: SearchResult) -> None:
    click.echo(f"{result.total} found in {result.took_ms:.0f} ms")
    for note in result.notes:
        click.echo(f"note: {note_line(note)}")
    for hit in result.hits:
        article = hit.article
        when = article.published.date().isoformat() if article.published else "----------"
        click.echo(f"\n{when}  {article.source}  {article.title}")
        click.echo(f"    {unescape(_MARK.sub('', hit.snippet_html))}")
        if hit.matched_forms:
            click.echo(f"    matched: {', '.join(hit.matched_forms)}")


@click.command("export")
@index_option
@click.option(
    "--parquet",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for articles.parquet, quotes.parquet and reprints.parquet.",
)
def export_command(index_dir: Path, folder: Path) -> None:
    """Write the indexed articles, their quotes and the reprint groups as Parquet tables
    (pandas, DuckDB, Polars and R read them; the README lists the columns)."""
    try:
        searcher = open_searcher(index_dir)
    except IndexNotFound as err:
        raise click.ClickException(str(err)) from err
    try:
        with searcher:
            written = export_parquet(searcher, folder)
    except OSError as err:
        raise click.ClickException(f"cannot write the export to {folder}: {err}") from err
    rows = ", ".join(f"{count} {name}" for name, count in written.items())
    click.echo(f"exported {rows} to {folder}")
