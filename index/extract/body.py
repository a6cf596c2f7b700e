"""The article text: find the element that holds it, then keep its paragraphs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from index.extract.meta import class_names
from index.extract.page import LINE_BREAK
from index.extract.selectors import (
    BLOCK_TAGS,
    BODY_HINTS,
    BOILERPLATE_HINTS,
    BOILERPLATE_LINES,
    BOILERPLATE_TAGS,
)
from index.extract.textsize import TextSizes

MIN_HINTED_SHARE = 0.6  # a hinted container must hold this share of the densest one's text
LINK_HEAVY_SHARE = 0.8
SHORT_PARAGRAPH = 120
TAIL_CHARS = 300
TAIL_LINK_SHARE = 0.3
LINK_LINE_SHARE = 0.9
TAIL_HEADING_WORDS = 4
HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
SENTENCE_END_MARKS = (".", "!", "?", "…", "»", '"', "”", ")")


def _markers(element: Tag) -> list[str]:
    classes = class_names(element)
    ident = element.get("id")
    return [*classes, str(ident)] if ident else classes


def is_boilerplate(element: Tag) -> bool:
    if element.name in BOILERPLATE_TAGS:
        return True
    if element.get("role") in ("navigation", "complementary", "banner", "contentinfo"):
        return True
    return any(BOILERPLATE_HINTS.search(marker) for marker in _markers(element))


def clean_text(element: Tag) -> str:
    """Rendered text: inline tags join without spaces (a <br> was made a space at parse)."""
    return " ".join(element.get_text().split())


def text_sizes(soup: BeautifulSoup) -> TextSizes:
    """Every element's text lengths, for the whole page in one pass."""
    return TextSizes(soup.body or soup, is_boilerplate)


def _under(root: Tag, marks: Callable[[Tag], bool]) -> set[int]:
    """Ids of the elements inside ``root`` with an ancestor below ``root`` that ``marks``.

    One walk in document order (parents before children), however deep the tree.
    """
    marked: set[int] = set()
    under: set[int] = set()
    for element in root.find_all(True):
        parent = element.parent
        if parent is not root and (id(parent) in under or id(parent) in marked):
            under.add(id(element))
        if marks(element):
            marked.add(id(element))
    return under


def _is_furniture_tag(element: Tag) -> bool:
    return element.name in BOILERPLATE_TAGS


def _is_block(element: Tag) -> bool:
    return element.name in BLOCK_TAGS


def _paragraph_scores(root: Tag, sizes: TextSizes) -> dict[int, tuple[Tag, float]]:
    """Text per parent of paragraphs (half to the grandparent), readability-style.

    Only furniture tags count against a paragraph here: class names of far
    ancestors («small-comments» around a whole article) mislead too often.
    """
    furnished = _under(root, _is_furniture_tag)
    inside_root_furniture = any(_is_furniture_tag(tag) for tag in (root, *root.parents))
    scores: dict[int, list] = defaultdict(lambda: [None, 0.0])
    for paragraph in root.find_all("p"):
        if inside_root_furniture or id(paragraph) in furnished:
            continue
        length = sizes.length(paragraph)
        if length < 25 or _is_link_teaser(paragraph, length, sizes):
            continue
        parent = paragraph.parent
        if isinstance(parent, Tag):
            scores[id(parent)][0] = parent
            scores[id(parent)][1] += length
            grand = parent.parent
            if isinstance(grand, Tag):
                scores[id(grand)][0] = grand
                scores[id(grand)][1] += length / 2
    return {key: (tag, score) for key, (tag, score) in scores.items()}


def find_container(soup: BeautifulSoup, sizes: TextSizes | None = None) -> Tag | None:
    sizes = sizes or text_sizes(soup)
    body = soup.body or soup
    marked = body.find(itemprop=lambda v: v is not None and "articlebody" in v.lower())
    if isinstance(marked, Tag) and sizes.block_text(marked) > 0:
        return marked
    scores = _paragraph_scores(body, sizes)
    densest = max(scores.values(), key=lambda pair: pair[1], default=(None, 0.0))
    hinted = [
        element
        for element in body.find_all(True)
        if not is_boilerplate(element) and any(BODY_HINTS.search(m) for m in _markers(element))
    ]
    hinted += body.find_all("article")
    best_hint = max(hinted, key=sizes.block_text, default=None)
    if best_hint is not None and sizes.block_text(best_hint) >= MIN_HINTED_SHARE * densest[1]:
        return best_hint
    return densest[0]


def _is_link_teaser(element: Tag, length: int, sizes: TextSizes) -> bool:
    if length > SHORT_PARAGRAPH:
        return False
    return sizes.linked(element) >= LINK_HEAVY_SHARE * length


def _blocks(container: Tag) -> list[Tag]:
    in_furniture = _under(container, is_boilerplate)
    nested = _under(container, _is_block)
    return [
        element
        for element in container.find_all(BLOCK_TAGS)
        if id(element) not in in_furniture
        and id(element) not in nested
        and not is_boilerplate(element)
    ]


def _loose_lines(container: Tag) -> list[str]:
    """Text written straight into a cell or div, one line per <br>."""
    in_furniture = _under(container, is_boilerplate)

    def shown(node: NavigableString) -> bool:
        parent = node.parent
        if parent is None or parent is container:
            return True
        return id(parent) not in in_furniture and not is_boilerplate(parent)

    pieces: list[str] = []
    block_of = {id(container): container}  # each element's innermost block, parents first
    block: Tag | None = None
    for node in container.descendants:
        parent = node.parent
        if isinstance(node, Tag):
            block_of[id(node)] = node if node.name in LOOSE_BLOCKS else block_of[id(parent)]
        elif isinstance(node, NavigableString) and shown(node):
            inside = block_of[id(parent)]
            if inside is not block:  # «<div class="adv">Реклама</div>» is a line of its own
                pieces.append(LINE_BREAK)
                block = inside
            pieces.append(str(node))
    lines = (" ".join(line.split()) for line in "".join(pieces).split(LINE_BREAK))
    return [line for line in lines if line]


LOOSE_BLOCKS = frozenset({*BLOCK_TAGS, "div", "section", "table", "tr", "td", "ul", "ol"})


def _links_to_a_front_page(element: Tag) -> bool:
    """Every link of the line goes to a site's front page: it advertises the site; a line
    that also links to a story («Як писала «Фраза», …») is a back-reference."""
    paths = [
        urlsplit(str(link["href"]).strip()).path
        for link in element.find_all("a", href=True)
        if not str(link["href"]).startswith("#")
    ]
    return bool(paths) and all(path in ("", "/") for path in paths)


def extract_paragraphs(container: Tag, skip: set[str], sizes: TextSizes | None = None) -> list[str]:
    """Paragraphs of running text, without furniture and without the title or lead."""
    blocks = _blocks(container)
    texts = (
        [(block, clean_text(block)) for block in blocks]
        if blocks
        else [(container, line) for line in _loose_lines(container)]
    )
    if blocks and sizes is None:
        sizes = TextSizes(container, is_boilerplate)
    kept: list[tuple[Tag, str]] = []
    for element, text in texts:
        if not text or text in skip or BOILERPLATE_LINES.match(text):
            continue
        if sizes is not None and blocks and _is_link_teaser(element, len(text), sizes):
            continue
        kept.append((element, text))
    while kept and blocks and sizes is not None and _is_tail(*kept[-1], sizes):
        kept.pop()
    return [text for _element, text in kept]


def _is_tail(element: Tag, text: str, sizes: TextSizes) -> bool:
    """What follows an article's last sentence: a line made of links, or one that sends the
    reader to a site's front page («Сайт X, новини про Y!»), or a block heading with
    nothing under it («Актуальні прогнози»). A closing line that links to an earlier story
    («Як повідомлялося, …») is the outlet's own text and stays."""
    if len(text) <= TAIL_CHARS:
        linked = sizes.linked(element)
        if linked >= LINK_LINE_SHARE * len(text) or (
            linked >= TAIL_LINK_SHARE * len(text) and _links_to_a_front_page(element)
        ):
            return True
    words = text.split()
    if len(words) > TAIL_HEADING_WORDS or text.endswith(SENTENCE_END_MARKS):
        return False
    if element.name in HEADING_TAGS:
        return True  # «Популярное»: a block's heading, whatever its capitals
    signed = len(words) > 1 and all(word[:1].isupper() for word in words)
    return not signed  # «Олена Коваль» alone on the last line signs the article


def figure_captions(soup: BeautifulSoup) -> list[str]:
    return [text for text in (clean_text(c) for c in soup.find_all("figcaption")) if text]
