"""`pidshyvka search`: the query side from a terminal."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import click

from index.cli import DEFAULT_INDEX, cli
from search.engine import IndexNotFound, open_searcher, run_search
from search.results import SearchRequest

_MARK = re.compile(r"</?mark>")


@cli.command("search")
@click.argument("query")
@click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_INDEX,
    show_default=True,
)
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance")
@click.option("--json", "as_json", is_flag=True)
def search_command(query: str, index_dir: Path, limit: int, sort: str, as_json: bool) -> None:
    """Search the index and print the hits."""
    try:
        searcher = open_searcher(index_dir)
    except IndexNotFound as err:
        raise click.ClickException(str(err)) from err
    with searcher:
        result = run_search(searcher, SearchRequest(text=query, page_size=limit, sort=sort))
        if as_json:
            click.echo(json.dumps(result.to_json(), ensure_ascii=False))
            return
        click.echo(f"{result.total} found in {result.took_ms:.0f} ms")
        for note in result.notes:
            click.echo(f"note: {note}")
        for hit in result.hits:
            article = hit.article
            when = article.published.date().isoformat() if article.published else "----------"
            click.echo(f"\n{when}  {article.source}  {article.title}")
            click.echo(f"    {unescape(_MARK.sub('', hit.snippet_html))}")
            if hit.matched_forms:
                click.echo(f"    matched: {', '.join(hit.matched_forms)}")
