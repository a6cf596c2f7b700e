"""Registrable domains by the Public Suffix List bundled with publicsuffixlist."""

from __future__ import annotations

import pytest

from index.extract.domains import domain_from_path, registrable_domain


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.pravda.com.ua/news/2024/1/", "pravda.com.ua"),
        ("https://kiev.vgorode.ua/news/1", "vgorode.ua"),
        ("https://style.nv.ua/ukr/1.html", "nv.ua"),
        ("http://novosti.dn.ua/news/1", "novosti.dn.ua"),  # dn.ua is a regional suffix
        ("https://www.courier.co.il/x", "courier.co.il"),
        ("https://www.bbc.co.uk/ukrainian", "bbc.co.uk"),
        ("http://192.168.0.10/page.html", "192.168.0.10"),
        ("http://localhost:8080/a", "localhost"),
        ("", ""),
        (None, ""),
    ],
)
def test_the_registrable_domain_of_an_address(url: str | None, domain: str) -> None:
    assert registrable_domain(url) == domain


def test_a_folder_named_after_the_site_gives_its_domain() -> None:
    assert domain_from_path("saved/www.kiev.vgorode.ua/2024/page.html") == "vgorode.ua"
    assert domain_from_path("saved/pages/page.html") == ""
