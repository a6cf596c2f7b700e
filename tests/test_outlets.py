"""One outlet name per domain: cleaned from what pages say, pooled, renamed by the user."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from whoosh import index as whoosh_index

from index.article import Article
from index.build import RebuildError, rebuild
from index.cli import cli
from index.extract import extract_page
from index.extract.sitename import clean_site_name, spells_domain
from index.outlet_file import OutletFileError, OutletNames, default_names, read_outlet_file
from index.outlets import choose_outlets, read_choices
from index.update import update

PAGE = """<html lang="uk"><head><meta charset="utf-8">{head}
<meta property="og:url" content="https://{host}/news/{slug}">
<meta property="article:published_time" content="2024-05-10T10:00:00+03:00">
<title>{title}{suffix}</title></head>
<body><article><h1>{title}</h1>
<p>{title}: депутати міської ради обговорили ремонт доріг і шкіл у місті.</p>
<p>Голова комісії пояснив, що кошти на ремонт знайдуть у резервному фонді.</p>
</article><footer>{footer}</footer></body></html>"""


def page(
    host: str, slug: str, title: str, head: str = "", suffix: str = "", footer: str = ""
) -> str:
    return PAGE.format(host=host, slug=slug, title=title, head=head, suffix=suffix, footer=footer)


def site_meta(name: str) -> str:
    return f'<meta property="og:site_name" content="{name}">'


@pytest.mark.parametrize(
    ("raw", "domain", "name"),
    [
        ("Вісник Полісся — новини Житомирщини та світу", "visnyk-polissia.ua", "Вісник Полісся"),
        ("Новини регіону | Вісник Полісся", "visnyk-polissia.ua", "Вісник Полісся"),
        ("© 2019–2024 Visnyk.UA. Усі права захищено.", "visnyk.ua", "Visnyk.UA"),
        ("Copyright © 2008 Громада", "hromada.info", "Громада"),
        ("Новини Громади", "hromady.info", "Громади"),
        ("Главком | Glavcom", "glavcom.ua", "Главком"),  # г as g, к as c: both spell it
        ("Новости Днепра - Днепр Оперативный", "dnepr.info", "Днепр Оперативный"),
        ("ЛІГА.net", "liga.net", "ЛІГА.net"),
        ("hi-Tech.ua", "hi-tech.ua", "hi-Tech.ua"),
        ("Найсвіжіші новини з усього світу для вас щодня", "x.ua", None),
        ("https://visnyk.ua/", "visnyk.ua", None),
        ("", "visnyk.ua", None),
    ],
)
def test_site_names_lose_their_taglines(raw: str, domain: str, name: str | None) -> None:
    assert clean_site_name(raw, domain) == name


def test_a_name_spells_its_domain_in_either_script() -> None:
    assert spells_domain("Громадське", "hromadske.ua")
    assert spells_domain("Українська правда", "pravda.com.ua")
    assert not spells_domain("новини регіону", "pravda.com.ua")


def article(domain: str, site_name: str) -> Article:
    return Article(domain=domain, site_name=site_name, source=site_name or domain)


def test_the_name_most_pages_give_is_shown_for_every_page() -> None:
    pages = [
        article("vest.ua", "Вісті"),
        article("vest.ua", "Вісті"),
        article("vest.ua", "Вести"),
        article("vest.ua", ""),
    ]
    choice = choose_outlets(pages, OutletNames(), OutletNames())["vest.ua"]
    assert (choice.name, choice.how) == ("Вісті", "pages")
    assert choice.seen == {"Вісті": 2, "Вести": 1}


def test_an_address_is_a_name_only_where_nothing_better_is_known() -> None:
    named = [
        article("vest.ua", "vest.ua"),
        article("vest.ua", "vest.ua"),
        article("vest.ua", "Вісті"),
    ]
    assert choose_outlets(named, OutletNames(), OutletNames())["vest.ua"].name == "Вісті"
    addresses = [article("vest.ua", "news.vest.ua"), article("vest.ua", "vest.ua")]
    defaults = OutletNames(by_domain={"vest.ua": "Вісті (з файлу)"})
    assert choose_outlets(addresses, OutletNames(), defaults)["vest.ua"].how == "default names"
    assert choose_outlets(addresses, OutletNames(), OutletNames())["vest.ua"].name == "vest.ua"


def test_the_users_file_wins_and_merges_domains(tmp_path: Path) -> None:
    path = tmp_path / "outlets.toml"
    path.write_text(
        '"vest.ua" = "Вісті щодня"\n'
        '["hromada.tv"]\nname = "Громада"\ndomains = ["hromada.ua", "www.hromada.org"]\n',
        encoding="utf-8",
    )
    names = read_outlet_file(path)
    pages = [
        article("hromada.ua", "Громада ТБ"),
        article("hromada.org", ""),
        article("vest.ua", "Вісті"),
    ]
    choices = choose_outlets(pages, names, OutletNames())
    assert {c.name for c in choices.values() if c.domain.startswith("hromada")} == {"Громада"}
    assert choices["vest.ua"].name == "Вісті щодня"
    assert choices["vest.ua"].how == "outlets file"


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ('"vest.ua" = ', "not valid TOML"),
        ('["vest.ua"]\ntitle = "Вісті"\n', "unknown keys: title"),
        ('["vest.ua"]\nname = ""\n', "needs name"),
        ('["vest.ua"]\nname = "Вісті"\ndomains = "vest.com"\n', "domains must be a list"),
        ('"vest.ua" = 3\n', "must be a name or a table"),
    ],
)
def test_a_bad_outlets_file_is_named_in_the_error(
    tmp_path: Path, text: str, complaint: str
) -> None:
    path = tmp_path / "outlets.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OutletFileError, match=complaint) as raised:
        read_outlet_file(path)
    assert str(path) in str(raised.value)


def test_the_shipped_names_are_data_and_name_pages_that_say_nothing() -> None:
    assert default_names().get("pravda.com.ua") == "Українська правда"
    bare = page("www.pravda.com.ua", "1", "Уряд ухвалив бюджет")
    assert extract_page(bare.encode(), path="p.html").source == "Українська правда"


def write(folder: Path, name: str, html: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    host = "visnyk-polissia.ua"
    write(
        root,
        "a.html",
        page(host, "a", "Ремонт доріг", site_meta("Вісник Полісся — новини регіону")),
    )
    write(root, "b.html", page(host, "b", "Нові школи", suffix=" – Вісник Полісся"))
    write(root, "c.html", page(host, "c", "Зелені парки", footer="© 2024 Вісник Полісся"))
    write(root, "d.html", page(host, "d", "Нові мости", site_meta("Вестник Полесья")))
    write(root, "e.html", page("vest.ua", "e", "Ремонт лікарні", site_meta("vest.ua")))
    return root


def shown_sources(index: Path) -> dict[str, str]:
    with whoosh_index.open_dir(str(index)).searcher() as searcher:
        return {fields["path"]: fields["source"] for fields in searcher.all_stored_fields()}


def test_a_rebuild_shows_one_name_per_domain(archive: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    rebuild(archive, index)
    sources = shown_sources(index)
    assert {sources[p] for p in ("a.html", "b.html", "c.html", "d.html")} == {"Вісник Полісся"}
    assert sources["e.html"] == "vest.ua"
    chosen = {c.domain: c for c in read_choices(index)}
    assert chosen["visnyk-polissia.ua"].seen == {"Вісник Полісся": 3, "Вестник Полесья": 1}


def test_outlets_toml_beside_the_archive_renames_and_update_reads_it(
    archive: Path, tmp_path: Path
) -> None:
    index = tmp_path / "index"
    rebuild(archive, index)
    (archive / "outlets.toml").write_text('"vest.ua" = "Вісті"\n', encoding="utf-8")
    summary = update(archive, index)
    assert shown_sources(index)["e.html"] == "Вісті"
    assert summary.changed == 1
    (archive / "outlets.toml").unlink()
    update(archive, index)
    assert shown_sources(index)["e.html"] == "vest.ua"


def test_outlets_option_and_listing(archive: Path, tmp_path: Path) -> None:
    names = tmp_path / "names.toml"
    names.write_text('["visnyk-polissia.ua"]\nname = "Полісся"\ndomains = ["vest.ua"]\n', "utf-8")
    index = tmp_path / "index"
    runner = CliRunner()
    built = runner.invoke(
        cli, ["rebuild", str(archive), "--index", str(index), "--outlets", str(names)]
    )
    assert built.exit_code == 0, built.output
    assert set(shown_sources(index).values()) == {"Полісся"}
    listed = runner.invoke(cli, ["outlets", "--index", str(index), "--json"])
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert {(r["domain"], r["name"], r["how"]) for r in rows} == {
        ("visnyk-polissia.ua", "Полісся", "outlets file"),
        ("vest.ua", "Полісся", "outlets file"),
    }
    text = runner.invoke(cli, ["outlets", "--index", str(index)]).output
    assert "pages say: Вісник Полісся ×3; Вестник Полесья ×1" in text


def test_a_bad_outlets_file_stops_the_rebuild_before_it_starts(
    archive: Path, tmp_path: Path
) -> None:
    (archive / "outlets.toml").write_text("[[[", encoding="utf-8")
    with pytest.raises(RebuildError, match=r"outlets\.toml is not valid TOML"):
        rebuild(archive, tmp_path / "index")
    assert not (tmp_path / "index").exists()
    missing = CliRunner().invoke(cli, ["outlets", "--index", str(tmp_path / "index")])
    assert missing.exit_code != 0
    assert "no outlet list" in missing.output


def test_pages_of_no_known_site_keep_their_own_names() -> None:
    pages = [
        Article(domain="", site_name="Вісті", source="Вісті"),
        Article(domain="", site_name="Голос", source="Голос"),
    ]
    choices = choose_outlets(pages, OutletNames(), OutletNames())
    assert "" not in choices
