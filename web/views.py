"""Thin views: read the URL, call search/, render HTML or JSON."""

from __future__ import annotations

from pathlib import Path

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    render_template,
    request,
    url_for,
)

from index.archive import UnreadablePage, read_stored
from index.extract.decode import decode_page
from index.schema import article_from_stored
from index.store import read_report
from search import run_search
from search.engine import IndexNotFound
from web.formatting import plural, ukrainian_date
from web.searcher import get_searcher
from web.state import BadParameter, query_string, request_from_args, toggled

bp = Blueprint("pages", __name__)

STORED_COPY_POLICY = "sandbox; default-src 'none'; img-src 'none'; style-src 'unsafe-inline'"


@bp.app_template_filter("udate")
def _udate(value):
    return ukrainian_date(value)


@bp.app_context_processor
def _helpers() -> dict:
    return {"plural": plural}


@bp.app_errorhandler(BadParameter)
def _bad_parameter(error: BadParameter):
    return render_template("error.html", message=str(error)), 400


@bp.app_errorhandler(IndexNotFound)
def _no_index(error: IndexNotFound):
    return render_template("error.html", message=str(error)), 503


def _search(args):
    search_request = request_from_args(args)
    return run_search(get_searcher(), search_request)


@bp.get("/")
@bp.get("/search")
def search_page():
    result = _search(request.args)
    if request.accept_mimetypes.best == "application/json":
        return jsonify(result.to_json())
    req = result.request
    links = {
        "facets": {
            facet.name: {
                fv.value: "?"
                + query_string(req, filters=toggled(req.filters, facet.name, fv.value))
                for fv in facet.values
            }
            for facet in result.facets
        },
        "sorts": {
            sort: "?" + query_string(req, sort=sort) for sort in ("relevance", "newest", "oldest")
        },
        "pages": {
            n: "?" + query_string(req, page=n) for n in _page_numbers(req.page, result.pages)
        },
        "chips": [
            (name, value, "?" + query_string(req, filters=toggled(req.filters, name, value)))
            for name, values in req.filters.items()
            for value in values
        ],
    }
    return render_template("search.html", result=result, links=links)


@bp.get("/search.json")
def search_json():
    return jsonify(_search(request.args).to_json())


def _page_numbers(current: int, total: int) -> list[int]:
    wanted = {1, total, *range(current - 2, current + 3)}
    return sorted(n for n in wanted if 1 <= n <= total)


def _stored_article(doc_id: str):
    stored = get_searcher().document(id=doc_id)
    if stored is None:
        abort(404)
    return article_from_stored(stored)


@bp.get("/article/<doc_id>")
def article_page(doc_id: str):
    article = _stored_article(doc_id)
    return render_template(
        "article.html", article=article, stored_url=url_for("pages.stored_copy", doc_id=doc_id)
    )


@bp.get("/article/<doc_id>/stored")
def stored_copy(doc_id: str):
    article = _stored_article(doc_id)
    archive = read_report(Path(current_app.config["INDEX_DIR"])).get("archive")
    if not archive:
        abort(404)
    try:
        data = read_stored(Path(archive), article.path)
    except UnreadablePage:
        abort(410)
    response = Response(decode_page(data).text, content_type="text/html; charset=utf-8")
    response.headers["Content-Security-Policy"] = STORED_COPY_POLICY
    return response
