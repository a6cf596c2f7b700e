"""A generator of hostile and broken stored pages: what a real archive folder throws at us.

Used by the test suite (about 1,100 small files) and by bench/hostile.py (adds 50 MB pages).
Deterministic for a seed. Returns nothing: it writes into a folder the caller owns.
"""

from __future__ import annotations

import gzip
import os
import random
from pathlib import Path

GOOD_PAGE = """<!doctype html><html lang="uk"><head><meta charset="{charset}">
<title>{title} | Тест</title><meta property="og:site_name" content="Тест"></head>
<body><article><h1>{title}</h1>
<p>Міська рада ухвалила рішення про ремонт доріг, шкіл і лікарень у трьох районах міста.</p>
<p>Депутати наголосили, що роботи почнуться навесні та триватимуть до кінця року.</p>
</article></body></html>"""


def good_page(title: str = "Ремонт доріг", charset: str = "utf-8") -> str:
    return GOOD_PAGE.format(title=title, charset=charset)


def _write(folder: Path, name: str, data: bytes) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_hostile_archive(folder: Path, seed: int = 7, big_page_mb: int = 6) -> int:
    """Write the hostile files under ``folder``; returns how many files and links it made."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    page = good_page().encode()
    for i in range(450):  # truncated at every kind of place
        _write(folder, f"truncated/{i:04d}.html", page[: rng.randrange(0, len(page))])
        count += 1
    for i in range(350):  # binary junk
        _write(folder, f"junk/{i:03d}.html", rng.randbytes(rng.randrange(1, 4000)))
        count += 1
    for i in range(100):  # empty or blank
        _write(folder, f"empty/{i:03d}.html", b" \n\t" * (i % 4))
        count += 1
    for i in range(60):  # deep nesting
        depth = 2000 + i * 150
        _write(folder, f"deep/{i:02d}.html", b"<div>" * depth + b"<p>text</p>" + b"</div>" * depth)
        count += 1
    count += _charset_cases(folder / "charsets")
    count += _gzip_cases(folder / "gzip", rng)
    count += _odd_names(folder / "names")
    count += _markup_oddities(folder / "markup", rng)
    count += _links_and_specials(folder / "links")
    _write(folder, "big/over-the-limit.html", b"<p>" + b"a" * (big_page_mb * 1024 * 1024) + b"</p>")
    return count + 1


def _charset_cases(folder: Path) -> int:
    text = good_page("Житомир і Чернігів")
    cases = {
        "cp1251-declared-utf8.html": text.encode("cp1251"),
        "utf8-declared-cp1251.html": good_page("Житомир і Чернігів", "windows-1251").encode(),
        "koi8u-undeclared.html": text.replace('<meta charset="utf-8">', "").encode("koi8-u"),
        "cp1251-undeclared.html": text.replace('<meta charset="utf-8">', "").encode("cp1251"),
        "utf16-bom.html": text.encode("utf-16"),
        "unknown-charset.html": good_page("Житомир", "x-no-such-charset").encode(),
        "mixed-bytes.html": text.encode() + "ще трохи тексту".encode("cp1251"),
        "overlong-utf8.html": text.encode() + b"\xc0\xaf\xe0\x80\xaf",
        "null-bytes.html": text.encode().replace(b"<p>", b"<p>\x00"),
        "bom-and-cp1251.html": b"\xef\xbb\xbf" + text.encode("cp1251"),
    }
    for name, data in cases.items():
        _write(folder, name, data)
    return len(cases)


def _gzip_cases(folder: Path, rng: random.Random) -> int:
    packed = gzip.compress(good_page().encode())
    cases = {
        "not-gzip.html.gz": b"plain text pretending",
        "truncated.html.gz": packed[: len(packed) // 2],
        "empty.html.gz": b"",
        "junk.html.gz": rng.randbytes(500),
        "bomb.html.gz": gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9),
        "good-inside.html.gz": packed,
    }
    for name, data in cases.items():
        _write(folder, name, data)
    return len(cases)


def _odd_names(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    names = [
        "з пробілами та «лапками».html",
        "-leading-dash.html",
        "new\nline.html",
        "tab\tname.htm",
        "very-long-" + "ї" * 100 + ".html",
        "UPPER.HTML",
        "dots...html",
        "emoji-🚀.html",
        "semi;colon&amp.html",
        "#hash?query.html",
    ]
    for name in names:
        _write(folder, name, good_page(f"Назва {len(name)}").encode())
    raw = os.fsencode(folder) + b"/bad-\xff\xfe-bytes.html"  # not UTF-8 in the file name
    with open(raw, "wb") as handle:
        handle.write(good_page("Неправильна назва").encode())
    return len(names) + 1


def _markup_oddities(folder: Path, rng: random.Random) -> int:
    cases = {
        "only-script.html": b"<html><script>while(true){}</script></html>",
        "only-comment.html": b"<!-- nothing here -->",
        "not-html.html": b"Just a plain text file with no tags at all, but with words.",
        "xml-decl.html": b'<?xml version="1.0" encoding="windows-1251"?>' + good_page().encode(),
        "broken-jsonld.html": good_page()
        .replace(
            "<head>", '<head><script type="application/ld+json">{"@type": "NewsArticle", </script>'
        )
        .encode(),
        "jsonld-deep.html": good_page()
        .replace(
            "<head>",
            '<head><script type="application/ld+json">' + "[" * 5000 + "]" * 5000 + "</script>",
        )
        .encode(),
        "many-paragraphs.html": b"<h1>T</h1>" + b"<p>short words here and there</p>" * 20000,
        "unclosed-everything.html": "<html><body><div><p><b><i><a href='x'>Текст без кінця".encode(),
        "huge-attribute.html": b'<p title="' + b"x" * 500_000 + b'">text</p>',
        "meta-refresh.html": b'<meta http-equiv="refresh" content="0; url=http://example.invalid/">',
        "frameset.html": b"<frameset><frame src='a.html'></frameset>",
        "svg-only.html": b"<svg><text>hello</text></svg>",
        "dates-everywhere.html": good_page()
        .replace("<p>", "<p>99.99.9999 31.02.2024 25:61 ")
        .encode(),
    }
    for i in range(40):
        cases[f"random-tags-{i:02d}.html"] = "".join(
            rng.choice(
                [
                    "<p>",
                    "</p>",
                    "<div>",
                    "</div>",
                    "<h1>",
                    "текст ",
                    "<a href=#>",
                    "</a>",
                    "&amp;",
                    "&#xD800;",
                    "<br>",
                ]
            )
            for _ in range(rng.randrange(5, 400))
        ).encode()
    for name, data in cases.items():
        _write(folder, name, data)
    return len(cases)


def _links_and_specials(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    made = 0
    specials = [
        ("loop.html", lambda p: os.symlink(p.name, p)),  # a link to itself
        ("dangling.html", lambda p: os.symlink("no-such-file.html", p)),
        ("parent-loop", lambda p: os.symlink("..", p, target_is_directory=True)),
        ("fifo.html", lambda p: os.mkfifo(p)),
        ("a-folder.html", lambda p: p.mkdir()),
    ]
    for name, make in specials:
        make(folder / name)
        made += 1
    locked = folder / "unreadable.html"
    locked.write_bytes(good_page().encode())
    locked.chmod(0)
    return made + 1


CODEC_CHARSETS = ("rot-13", "uu", "zlib", "base64", "bz2", "hex", "punycode", "idna", "utf-7")


def write_heavy_pages(folder: Path, scale: int = 1) -> dict[str, str]:
    """Pages that are costly rather than broken, from the hostile-archive report, and
    pages whose charset names a codec that is no text encoding. ``scale`` multiplies the
    element counts (1: 200,000 unclosed <p><span>, 100,000 nested <div>, 200,000 links).
    Returns each written path (relative to ``folder``) and what it holds."""
    head = '<!doctype html><html lang="uk"><head><meta charset="utf-8"><title>{}</title></head>'
    sentence = "<p>Міська рада ухвалила рішення про ремонт доріг у трьох районах міста.</p>"
    pages = {
        "heavy/unclosed-p-span.html": (
            "200,000 unclosed <p><span>",
            head.format("Незакриті абзаци") + "<body>" + "<p><span>слово " * 200_000 * scale,
        ),
        "heavy/nested-divs.html": (
            "100,000 nested <div>",
            head.format("Глибока сторінка")
            + "<body>"
            + "<div>" * 100_000 * scale
            + sentence
            + "</div>" * 100_000 * scale
            + "</body></html>",
        ),
        "heavy/links.html": (
            "200,000 <a> links",
            head.format("Сторінка посилань")
            + "<body>"
            + "".join(f"<a href=/{i}>{i}</a> " for i in range(200_000 * scale))
            + "</body></html>",
        ),
    }
    written = {}
    for name, (what, html) in pages.items():
        _write(folder, name, html.encode())
        written[name] = what
    for charset in CODEC_CHARSETS:
        name = f"heavy/charset-{charset}.html"
        _write(folder, name, good_page("Житомир і Чернігів", charset).encode("cp1251"))
        written[name] = f"charset {charset} in cp1251 bytes"
    return written
