"""Text lengths of every element of a page, worked out in one pass over the tree.

Asking each paragraph or candidate container for its text costs the size of
its subtree, so on deeply nested pages (200,000 unclosed ``<p><span>``) the
sum grows with the square of the page. Here each element's length of
``clean_text`` (words joined by one space), the part of it inside links, and
the block text a container holds outside furniture are combined from its
children's, children before parents, so the whole page costs one walk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from bs4 import CData, NavigableString, Tag

from index.extract.selectors import BLOCK_TAGS

# A run of text summarised for joining: (non-space characters, words,
# starts with a non-space, ends with a non-space). A run without words is
# either nothing (EMPTY, which joins like nothing) or only spaces (SPACE, which
# keeps the words on either side apart).
Span = tuple[int, int, bool, bool]
EMPTY: Span = (0, 0, True, True)
SPACE: Span = (0, 0, False, False)
_SHOWN_STRINGS = (NavigableString, CData)  # what get_text() shows: not comments or scripts


def string_span(text: str) -> Span:
    words = text.split()
    if not words:
        return SPACE if text else EMPTY
    return (sum(map(len, words)), len(words), not text[0].isspace(), not text[-1].isspace())


def joined(left: Span, right: Span) -> Span:
    """The span of two runs written one after the other (inline: no space added)."""
    glued = 1 if left[1] and right[1] and left[3] and right[2] else 0
    starts = left[2] if left[1] else left[2] and right[2]
    ends = right[3] if right[1] else right[3] and left[3]
    return (left[0] + right[0], left[1] + right[1] - glued, starts, ends)


def span_length(span: Span) -> int:
    return span[0] + max(span[1] - 1, 0)


class TextSizes:
    """Lengths for every element under ``root``, by element identity."""

    def __init__(self, root: Tag, is_boilerplate: Callable[[Tag], bool]) -> None:
        self._length: dict[int, int] = {}
        self._linked: dict[int, int] = {}
        self._blocks: dict[int, int] = {}
        spans: dict[int, Span] = {}
        elements = [root, *root.find_all(True)]
        for element in reversed(elements):  # every child comes before its parent
            span, linked, blocks = EMPTY, 0, 0
            for child in element.children:
                if isinstance(child, Tag):
                    key = id(child)
                    span = joined(span, spans.pop(key))
                    length = self._length[key]
                    linked += self._linked[key] + (length if child.name == "a" else 0)
                    block_text = length if child.name in BLOCK_TAGS else 0
                    blocks += block_text + (0 if is_boilerplate(child) else self._blocks[key])
                elif type(child) in _SHOWN_STRINGS:
                    span = joined(span, string_span(cast(str, child)))
            key = id(element)
            spans[key] = span
            self._length[key] = span_length(span)
            self._linked[key] = linked
            self._blocks[key] = blocks

    def length(self, element: Tag) -> int:
        """``len(clean_text(element))``."""
        return self._length[id(element)]

    def linked(self, element: Tag) -> int:
        """The clean text lengths of the links inside ``element``, summed."""
        return self._linked[id(element)]

    def block_text(self, element: Tag) -> int:
        """Text of the blocks inside ``element`` that no furniture between holds."""
        return self._blocks[id(element)]
