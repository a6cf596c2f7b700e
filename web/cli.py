"""`pidshyvka serve`, and the console entry point that gathers every command."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
from pathlib import Path

import click

from index.cli import cli, index_option
from search.cli import export_command, search_command
from web import create_app
from web.searcher import close_all


@click.command("serve")
@index_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True)
@click.option(
    "--threads",
    type=click.IntRange(1, 64),
    default=4,
    show_default=True,
    help="Threads per worker process.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 32),
    default=1,
    show_default=True,
    help="Processes sharing the port: one Python interpreter uses one core.",
)
def serve_command(index_dir: Path, host: str, port: int, threads: int, workers: int) -> None:
    """Serve the search page on waitress."""
    from search.engine import IndexNotFound, open_searcher, warm_up

    try:
        searcher = open_searcher(index_dir)
    except IndexNotFound as err:
        raise click.ClickException(str(err)) from err
    with searcher:
        warm_up(searcher)  # before any fork, so workers share what it loads
    try:
        listener = _listen(host, port)
    except OSError as err:
        raise click.ClickException(f"cannot listen on {host}:{port}: {err.strerror}") from err
    click.echo(
        f"serving {index_dir} on http://{host}:{port}/ "
        f"({workers} worker{'s' if workers > 1 else ''} × {threads} threads)"
    )
    if workers == 1:
        _serve(index_dir, listener, threads)
    else:
        _serve_forked(index_dir, listener, threads, workers)


def _listen(host: str, port: int) -> socket.socket:
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen(1024)
    return listener


def _serve(index_dir: Path, listener: socket.socket, threads: int) -> None:
    from waitress import serve

    app = create_app({"INDEX_DIR": str(index_dir.absolute())})
    try:
        serve(app, sockets=[listener], threads=threads)
    finally:
        close_all()


def _serve_forked(index_dir: Path, listener: socket.socket, threads: int, workers: int) -> None:
    """Fork workers that accept on the one listening socket; stop them all together."""
    children = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:  # a worker: its own app, searchers and caches
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            _serve(index_dir, listener, threads)
            os._exit(0)
        children.append(pid)

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        for pid in children:
            os.waitpid(pid, 0)
    except KeyboardInterrupt:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        for pid in children:
            os.waitpid(pid, 0)


def main() -> None:
    cli()


# index/cli.py holds the group and the ingest commands; the query and serving ones join here.
cli.add_command(search_command)
cli.add_command(export_command)
cli.add_command(serve_command)
