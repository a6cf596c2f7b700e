"""Thin views: read the URL, call search/, render HTML, JSON, CSV or Atom."""

from __future__ import annotations

import re
from pathlib import Path

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)

from index.archive import UnreadablePage, read_stored
from index.article import Article, Capture
from index.extract.capture import FROM_FILE_NAME
from index.extract.decode import decode_page
from index.schema import article_from_stored
from index.store import read_report
from search import SearchRequest, run_search
from search.engine import IndexNotFound, iter_matching, open_searcher
from search.export import csv_rows
from search.similar import more_like_this
from web.cache import cached
from web.charts import bars
from web.citation import citation
from web.formats import atom_feed
from web.formatting import english_date, is_whole_day, kyiv_timestamp, plural, ukrainian_date
from web.i18n import (
    ARTICLE_FORMS,
    COOKIE,
    COPY_FORMS,
    LANGUAGES,
    QUOTE_FORMS,
    RESULT_FORMS,
    current_language,
    word,
)
from web.labels import facet_title, period_label, result_json, value_label
from web.links import search_links
from web.notes import note_text
from web.searcher import get_searcher
from web.state import BadParameter, query_string, request_from_args

bp = Blueprint("pages", __name__)

STORED_COPY_POLICY = "sandbox; default-src 'none'; img-src 'none'; style-src 'unsafe-inline'"
FEED_SIZE = 50


@bp.app_template_filter("udate")
def _udate(value):
    """A date and time in Kyiv time, in the interface's language."""
    return ukrainian_date(value) if current_language() == "uk" else english_date(value)


@bp.app_template_filter("capture_time")
def _capture_time(capture: Capture) -> str:
    """When a copy was captured and what says so; a date from a file name is a day."""
    if capture.captured_at is None:
        return word("capture_unknown")
    whole_day = capture.captured_from == FROM_FILE_NAME and is_whole_day(capture.captured_at)
    return (
        f"{kyiv_timestamp(capture.captured_at, with_time=not whole_day)}"
        f" ({word('captured_from_' + (capture.captured_from or 'page').replace(' ', '_'))})"
    )


@bp.app_template_filter("stamp")
def _stamp(value) -> str:
    return kyiv_timestamp(value) if value else word("date_unknown")


@bp.app_template_filter("linkable")
def _linkable(url: str | None) -> bool:
    """Only web addresses become links: a stored page may carry javascript: or data: URLs."""
    return url is not None and url.strip().lower().startswith(("http://", "https://"))


def _cite(article: Article) -> str:
    language = current_language()
    return citation(article, language, _stamp, lambda a: _capture_time(a.capture()))


@bp.app_context_processor
def _helpers() -> dict:
    lang = current_language()
    return {
        "cite": _cite,
        "plural": plural,
        "t": word,
        "lang": lang,
        "facet_title": facet_title,
        "note_text": note_text,
        "value_label": value_label,
        "period_label": period_label,
        "result_forms": RESULT_FORMS[lang],
        "article_forms": ARTICLE_FORMS[lang],
        "quote_forms": QUOTE_FORMS[lang],
        "copy_forms": COPY_FORMS[lang],
    }


def _wants_json_error() -> bool:
    return request.path.endswith((".json", ".csv", ".atom")) or wants_json()


@bp.app_errorhandler(BadParameter)
def _bad_parameter(error: BadParameter):
    if _wants_json_error():
        return jsonify({"error": str(error), "parameter": error.parameter}), 400
    return render_template("error.html", message=error.message(current_language())), 400


@bp.app_errorhandler(404)
def _not_found(error):
    if _wants_json_error():
        return jsonify({"error": "not found"}), 404
    return render_template("error.html", message=word("not_found")), 404


@bp.app_errorhandler(IndexNotFound)
def _no_index(error: IndexNotFound):
    return render_template("error.html", message=str(error)), 503


def wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return (
        best == "application/json"
        and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
    )


@bp.get("/")
@bp.get("/search")
@cached
def search_page():
    result = run_search(get_searcher(), request_from_args(request.args), value_label)
    if wants_json():
        return jsonify(result_json(result))
    return render_template(
        "search.html",
        result=result,
        links=search_links(result),
        bars=bars(result.histogram, result.request.timeline),
    )


@bp.get("/search.json")
@cached
def search_json():
    found = run_search(get_searcher(), request_from_args(request.args), value_label)
    return jsonify(result_json(found))


@bp.get("/search.csv")
def search_csv():
    search_request = request_from_args(request.args)
    index_dir = Path(current_app.config["INDEX_DIR"])
    get_searcher()  # fail now, with a page, if there is no index
    # The stream runs after the request has gone: build article addresses now.
    page_url = url_for("pages.article_page", doc_id="ID", _external=True).removesuffix("ID")

    def rows():
        # The response outlives the request's searcher: the stream keeps its own.
        searcher = open_searcher(index_dir)
        try:
            articles = iter_matching(searcher, search_request)
            yield from csv_rows(articles, lambda doc_id: page_url + doc_id)
        finally:
            searcher.close()

    response = Response(rows(), content_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = 'attachment; filename="pidshyvka.csv"'
    return response


@bp.get("/search.atom")
def search_atom():
    search_request = request_from_args(request.args)
    search_request.sort = "newest"
    articles = []
    for article in iter_matching(get_searcher(), search_request):
        articles.append(article)
        if len(articles) >= FEED_SIZE:
            break
    title = (
        f"Підшивка: {search_request.text}" if search_request.text else "Підшивка: нові публікації"
    )
    feed = atom_feed(
        articles,
        title=title,
        self_url=request.url,
        html_url=url_for("pages.search_page", _external=True) + "?" + query_string(search_request),
        article_url=lambda doc_id: url_for("pages.article_page", doc_id=doc_id, _external=True),
    )
    return Response(feed, content_type="application/atom+xml; charset=utf-8")


def _stored_article(doc_id: str):
    stored = get_searcher().document(id=doc_id)
    if stored is None:
        abort(404)
    return article_from_stored(stored)


@bp.get("/article/<doc_id>")
@cached
def article_page(doc_id: str):
    article = _stored_article(doc_id)
    similar = more_like_this(get_searcher(), doc_id, limit=5)
    return render_template(
        "article.html",
        article=article,
        similar=similar,
        stored_url=url_for("pages.stored_copy", doc_id=doc_id),
    )


@bp.get("/article/<doc_id>/stored")
def stored_copy(doc_id: str):
    """The stored copy of an article: the newest capture, or the one ``?sha256=`` names."""
    article = _stored_article(doc_id)
    wanted = request.args.get("sha256", "")
    captures = [c for c in article.all_captures() if not wanted or c.sha256 == wanted]
    archive = read_report(Path(current_app.config["INDEX_DIR"])).get("archive")
    if not archive or not captures:
        abort(404)
    try:
        data = read_stored(Path(archive), captures[0].path)
    except UnreadablePage:
        abort(410)
    response = Response(decode_page(data).text, content_type="text/html; charset=utf-8")
    response.headers["Content-Security-Policy"] = STORED_COPY_POLICY
    return response


SPEAKER_PAGE_SIZE = 20


@bp.get("/speaker/<path:name>")
@cached
def speaker_page(name: str):
    """Everything one person was quoted saying, oldest first, a page at a time; ``q``
    searches within their quotes."""
    within = request.args.get("q", "")[:200]
    words = re.findall(r"[^\W_]+", within)
    search_request = SearchRequest(
        text=" ".join(f"quote:{word}" for word in words),
        filters={"speaker": [name]},
        sort="oldest",
        page_size=SPEAKER_PAGE_SIZE,
        reprints="all",
        page=max(1, request.args.get("page", 1, type=int) or 1),
    )
    result = run_search(get_searcher(), search_request, value_label)
    if result.total == 0 and not words:
        abort(404)
    appearances = [
        (hit.article, [q for q in hit.article.quotes if q.speaker == name]) for hit in result.hits
    ]
    outlets = next((f.values for f in result.facets if f.name == "source"), [])

    def page_link(number: int) -> str:
        return url_for("pages.speaker_page", name=name, page=number, q=within or None)

    return render_template(
        "speaker.html",
        name=name,
        within=within,
        result=result,
        appearances=appearances,
        outlets=outlets,
        bars=bars(result.histogram),
        previous=page_link(result.request.page - 1) if result.request.page > 1 else None,
        following=page_link(result.request.page + 1)
        if result.request.page < result.pages
        else None,
    )


@bp.get("/favicon.ico")
def favicon():
    """Browsers ask for /favicon.ico whatever the page says; ours is an SVG."""
    return redirect(url_for("static", filename="favicon.svg"), code=301)


@bp.get("/help")
def help_page():
    return render_template("help_en.html" if current_language() == "en" else "help.html")


@bp.get("/lang/<code>")
def choose_language(code: str):
    if code not in LANGUAGES:
        abort(404)
    target = request.args.get("next", "/")
    if not target.startswith("/") or target.startswith("//"):
        target = "/"
    response = make_response(redirect(target))
    response.set_cookie(COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax")
    return response
