"""The registrable domain of an address, by the Public Suffix List.

The list comes with the ``publicsuffixlist`` package (a snapshot bundled in the wheel,
never fetched at run time): kiev.vgorode.ua and vgorode.ua are one site, while
pravda.com.ua is a site under com.ua.
"""

from __future__ import annotations

import ipaddress
import re
from functools import cache
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList

_HOST_LIKE = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,12}$")


@cache
def _suffixes() -> PublicSuffixList:
    return PublicSuffixList(only_icann=True)  # the domains registries sell, not hosting names


def registrable_domain(url: str | None) -> str:
    """«https://www.pravda.com.ua/news/…» → pravda.com.ua; an IP address or a bare host
    name stays as it is."""
    host = (urlsplit(url).hostname or "") if url else ""
    host = host.lower().removeprefix("www.")
    if not host or _is_ip_address(host):
        return host
    return _suffixes().privatesuffix(host) or host


def _is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def domain_from_path(path: str) -> str:
    """Archives are often kept in folders named after the site: use the nearest such folder."""
    for folder in reversed(path.split("/")[:-1]):
        if _HOST_LIKE.match(folder.lower()):
            return registrable_domain(f"http://{folder.lower()}/")
    return ""
