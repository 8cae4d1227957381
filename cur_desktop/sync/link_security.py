"""Whether the link to a server is exposed: plain `http://` to anything but this machine.

Over plain HTTP the password, the tokens and citizens' messages cross the network readable by
anyone on the way. On the loopback interface (the embedded demo server, a server on the same
machine) there is no network to cross, so that is fine.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(host: str) -> bool:
    host = host.strip("[]").rstrip(".").lower()
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def exposed_link(url: str) -> bool:
    """True for `http://` to a host other than this machine (what the user should be warned of)."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return False
    return parts.scheme.lower() == "http" and bool(host) and not is_loopback(host)
