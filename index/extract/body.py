"""The article text: find the element that holds it, then keep its paragraphs."""

from __future__ import annotations

from collections import defaultdict

from bs4 import BeautifulSoup, NavigableString, Tag

from index.extract.page import LINE_BREAK
from index.extract.selectors import (
    BLOCK_TAGS,
    BODY_HINTS,
    BOILERPLATE_HINTS,
    BOILERPLATE_LINES,
    BOILERPLATE_TAGS,
)

MIN_HINTED_SHARE = 0.6  # a hinted container must hold this share of the densest one's text
LINK_HEAVY_SHARE = 0.8
SHORT_PARAGRAPH = 120


def _markers(element: Tag) -> list[str]:
    classes = element.get("class") or []
    if isinstance(classes, str):
        classes = classes.split()
    ident = element.get("id")
    return [*classes, ident] if ident else list(classes)


def is_boilerplate(element: Tag) -> bool:
    if element.name in BOILERPLATE_TAGS:
        return True
    if element.get("role") in ("navigation", "complementary", "banner", "contentinfo"):
        return True
    return any(BOILERPLATE_HINTS.search(marker) for marker in _markers(element))


def _inside_boilerplate(element: Tag, container: Tag) -> bool:
    for parent in element.parents:
        if parent is container:
            return False
        if is_boilerplate(parent):
            return True
    return False


def clean_text(element: Tag) -> str:
    """Rendered text: inline tags join without spaces (a <br> was made a space at parse)."""
    return " ".join(element.get_text().split())


def _inside_furniture_tags(element: Tag) -> bool:
    return any(parent.name in BOILERPLATE_TAGS for parent in element.parents)


def _paragraph_scores(root: Tag) -> dict[int, tuple[Tag, float]]:
    """Text per parent of paragraphs (half to the grandparent), readability-style.

    Only furniture tags count against a paragraph here: class names of far
    ancestors («small-comments» around a whole article) mislead too often.
    """
    scores: dict[int, list] = defaultdict(lambda: [None, 0.0])
    for paragraph in root.find_all("p"):
        if _inside_furniture_tags(paragraph):
            continue
        text = clean_text(paragraph)
        length = len(text)
        if length < 25 or _is_link_teaser(paragraph, text):
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


def _text_amount(container: Tag) -> int:
    return sum(
        len(clean_text(p))
        for p in container.find_all(BLOCK_TAGS)
        if not _inside_boilerplate(p, container)
    )


def find_container(soup: BeautifulSoup) -> Tag | None:
    body = soup.body or soup
    marked = body.find(attrs={"itemprop": lambda v: v and "articlebody" in v.lower()})
    if isinstance(marked, Tag) and _text_amount(marked) > 0:
        return marked
    scores = _paragraph_scores(body)
    densest = max(scores.values(), key=lambda pair: pair[1], default=(None, 0.0))
    hinted = [
        element
        for element in body.find_all(True)
        if not is_boilerplate(element) and any(BODY_HINTS.search(m) for m in _markers(element))
    ]
    hinted += body.find_all("article")
    best_hint = max(hinted, key=_text_amount, default=None)
    if best_hint is not None and _text_amount(best_hint) >= MIN_HINTED_SHARE * densest[1]:
        return best_hint
    return densest[0]


def _is_link_teaser(element: Tag, text: str) -> bool:
    if len(text) > SHORT_PARAGRAPH:
        return False
    linked = sum(len(clean_text(a)) for a in element.find_all("a"))
    return linked >= LINK_HEAVY_SHARE * len(text)


def _nested_in_block(element: Tag, container: Tag) -> bool:
    for parent in element.parents:
        if parent is container:
            return False
        if parent.name in BLOCK_TAGS:
            return True
    return False


def _blocks(container: Tag) -> list[Tag]:
    return [
        element
        for element in container.find_all(BLOCK_TAGS)
        if not is_boilerplate(element)
        and not _inside_boilerplate(element, container)
        and not _nested_in_block(element, container)
    ]


def _loose_lines(container: Tag) -> list[str]:
    """Text written straight into a cell or div, one line per <br>."""
    text = "".join(
        str(node)
        for node in container.descendants
        if isinstance(node, NavigableString) and not _inside_boilerplate(node, container)
    )
    lines = (" ".join(line.split()) for line in text.split(LINE_BREAK))
    return [line for line in lines if line]


def extract_paragraphs(container: Tag, skip: set[str]) -> list[str]:
    """Paragraphs of running text, without furniture and without the title or lead."""
    blocks = _blocks(container)
    texts = (
        [(block, clean_text(block)) for block in blocks]
        if blocks
        else [(container, line) for line in _loose_lines(container)]
    )
    paragraphs = []
    for element, text in texts:
        if not text or text in skip or BOILERPLATE_LINES.match(text):
            continue
        if blocks and _is_link_teaser(element, text):
            continue
        paragraphs.append(text)
    return paragraphs


def figure_captions(soup: BeautifulSoup) -> list[str]:
    return [text for text in (clean_text(c) for c in soup.find_all("figcaption")) if text]
