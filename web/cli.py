"""`pidshyvka serve`, and the console entry point that gathers every command."""

from __future__ import annotations

from pathlib import Path

import click

import search.cli  # noqa: F401  (registers `search` on the group)
from index.cli import DEFAULT_INDEX, cli
from web import create_app
from web.searcher import close_all


@cli.command("serve")
@click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_INDEX,
    show_default=True,
)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True)
@click.option("--threads", type=click.IntRange(1, 64), default=4, show_default=True)
def serve_command(index_dir: Path, host: str, port: int, threads: int) -> None:
    """Serve the search page on waitress."""
    from waitress import serve

    from search.engine import IndexNotFound, open_searcher

    try:
        open_searcher(index_dir).close()
    except IndexNotFound as err:
        raise click.ClickException(str(err)) from err
    app = create_app({"INDEX_DIR": str(index_dir.absolute())})
    click.echo(f"serving {index_dir} on http://{host}:{port}/")
    try:
        serve(app, host=host, port=port, threads=threads)
    finally:
        close_all()


def main() -> None:
    cli()
