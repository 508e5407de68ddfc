"""Fetching URLs politely: one shared client, a pause between requests to a host, retries with backoff.

Every failure ends in a :class:`~communique.errors.NetworkError` that names the URL and says
what went wrong (unreachable, timed out, HTTP status), never in a raw httpx traceback.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from communique import __version__
from communique.errors import NetworkError
from communique.ingest.base import ReadOptions

log = logging.getLogger(__name__)

USER_AGENT = f"communique/{__version__} (+offline event extraction; polite fetcher)"
_RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass
class Response:
    url: str  # the final URL, after redirects
    status: int
    content: bytes
    headers: dict[str, str]

    @property
    def text(self) -> str:
        """The body as text: the charset of the Content-Type header, else of the page's own
        ``<meta charset>``/``<?xml encoding>``, else UTF-8 (a bad byte becomes U+FFFD)."""
        charset = _charset(self.headers) or _declared_charset(self.content) or "utf-8"
        try:
            return self.content.decode(charset, errors="replace")
        except LookupError:  # an unknown charset name
            return self.content.decode("utf-8", errors="replace")


_DECLARED = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding=["']([A-Za-z0-9_.:-]+)""",
                       re.IGNORECASE)


def _declared_charset(content: bytes) -> str | None:
    m = _DECLARED.search(content[:4096])
    if not m:
        return None
    return (m.group(1) or m.group(2)).decode("ascii")


def _charset(headers: dict[str, str]) -> str | None:
    ctype = headers.get("content-type", "")
    for part in ctype.split(";")[1:]:
        k, _, v = part.strip().partition("=")
        if k.lower() == "charset" and v:
            return v.strip('"')
    return None


class Fetcher:
    """A polite HTTP client: at most one request per ``request_delay`` seconds to the same host."""

    def __init__(self, options: ReadOptions | None = None, *, sleep=time.sleep) -> None:
        self.options = options or ReadOptions()
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._client = httpx.Client(timeout=self.options.timeout, follow_redirects=True,
                                    headers={"User-Agent": USER_AGENT})

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _pause(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = self.options.request_delay - (time.monotonic() - last)
            if wait > 0:
                self._sleep(wait)
        self._last[host] = time.monotonic()

    def get(self, url: str) -> Response:
        """GET ``url``; retry connection errors, time-outs, 429 and 5xx with exponential backoff."""
        host = urlsplit(url).netloc
        attempts = 1 + max(0, self.options.retries)
        delay = self.options.backoff
        problem = "no attempt made"
        for attempt in range(1, attempts + 1):
            self._pause(host)
            try:
                r = self._client.get(url)
            except httpx.TimeoutException:
                problem = f"timed out after {self.options.timeout:g}s"
            except httpx.ConnectError as exc:
                problem = f"the network or the host is unreachable ({_reason(exc)})"
            except httpx.HTTPError as exc:
                problem = f"{type(exc).__name__}: {_reason(exc)}"
            else:
                if r.status_code < 400:
                    return Response(str(r.url), r.status_code, r.content, {k.lower(): v for k, v in r.headers.items()})
                problem = f"HTTP {r.status_code}"
                if r.status_code not in _RETRY_STATUS:
                    raise NetworkError(f"{problem} (not retried)", source=url)
                retry_after = r.headers.get("retry-after", "")
                if retry_after.isdigit():
                    delay = max(delay, min(float(retry_after), 60.0))
            if attempt < attempts:
                log.info("%s: %s; retrying in %.1fs (attempt %d of %d)", url, problem, delay, attempt + 1, attempts)
                self._sleep(delay)
                delay *= 2
        raise NetworkError(f"{problem}; gave up after {attempts} attempt(s)", source=url)


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:200]


def fetch(url: str, options: ReadOptions | None = None) -> Response:
    """One polite GET (a fresh client); see :class:`Fetcher`."""
    with Fetcher(options) as f:
        return f.get(url)
