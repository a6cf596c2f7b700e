"""The web face: Flask app factory; views call search/ and render."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from web.security import add_security_headers


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(INDEX_DIR=str(Path("var/index").absolute()), JSON_AS_ASCII=False)
    if config:
        app.config.from_mapping(config)
    from web import searcher, views

    app.register_blueprint(views.bp)
    app.teardown_appcontext(searcher.close_searcher)
    app.after_request(add_security_headers)
    return app
