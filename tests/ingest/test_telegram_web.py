"""The t.me/s connector: saved pages, and the fetcher against a local server serving fixture pages."""

import socket
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from communique.errors import NetworkError
from communique.ingest.base import ReadOptions, ReadStats
from communique.ingest.telegram_web import channel_url, fetch_channel, parse_views

from ingest_helpers import FIXTURES, read_all, snapshot

TME = FIXTURES / "tme"
PAGES = {None: "page_latest.html", "120": "page_before_120.html", "117": "page_end.html"}


class _Handler(BaseHTTPRequestHandler):
    requests: list[str] = []
    fail_first = 0  # answer this many requests with 503 first

    def do_GET(self):  # noqa: N802
        type(self).requests.append(self.path)
        if type(self).fail_first > 0:
            type(self).fail_first -= 1
            self.send_response(503)
            self.end_headers()
            return
        parts = urlsplit(self.path)
        if parts.path != "/s/testdiplo":
            self.send_response(404)
            self.end_headers()
            return
        before = parse_qs(parts.query).get("before", [None])[0]
        body = (TME / PAGES.get(before, "page_end.html")).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture
def server():
    _Handler.requests = []
    _Handler.fail_first = 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


FAST = dict(request_delay=0.0, backoff=0.01, timeout=5.0)


def test_saved_page_golden(golden):
    docs, bad, skipped = read_all(TME / "page_latest.html")
    golden("tme_page_latest", snapshot(docs, bad, skipped))
    by_id = {d.id: d for d in docs}
    post = by_id["tg@testdiplo:121"]
    assert post.url == "https://t.me/testdiplo/121"
    assert post.published == datetime(2024, 11, 20, 9, 30, tzinfo=timezone.utc)
    assert post.meta["views"] == 12300 and post.meta["edited"] is True
    assert post.meta["forwarded_from"] == "Other Channel"
    assert post.text == "Minister Lavrov and Minister Đurić held talks in Moscow.\n\nRead more: example.org/news/121 #Serbia"
    assert post.meta["links"] == ["https://example.org/news/121"]
    assert by_id["tg@testdiplo:122"].meta["reply_to"] == 121
    assert by_id["tg@testdiplo:122"].text == "Die Gespräche in Moskau sind beendet. 🇷🇺🇷🇸"


def test_saved_older_page_skips_service_and_empty_posts():
    docs, bad, skipped = read_all(TME / "page_before_120.html")
    assert [d.id for d in docs] == ["tg@testdiplo:117", "tg@testdiplo:119"]
    assert skipped == {"service": 1, "empty": 1}
    assert docs[0].meta["views"] == 1204
    assert len(docs[1].meta["album"]) == 2


def test_fetch_pages_back_to_the_end_of_history(server):
    stats = ReadStats()
    items = list(fetch_channel(f"{server}/s/testdiplo", ReadOptions(**FAST), stats))
    assert [d.id for d in items] == [f"tg@testdiplo:{i}" for i in (122, 121, 120, 119, 117)]
    assert _Handler.requests == ["/s/testdiplo", "/s/testdiplo?before=120", "/s/testdiplo?before=117"]


def test_fetch_stops_at_since_and_limit(server):
    since = datetime(2024, 11, 19, tzinfo=timezone.utc)
    items = list(fetch_channel(f"{server}/s/testdiplo", ReadOptions(since=since, **FAST), ReadStats()))
    assert [d.id for d in items] == ["tg@testdiplo:122", "tg@testdiplo:121", "tg@testdiplo:120"]
    # an older post on the first page is enough to stop paging
    _Handler.requests = []
    items = list(fetch_channel(f"{server}/s/testdiplo", ReadOptions(since=datetime(2024, 11, 20, tzinfo=timezone.utc),
                                                                     **FAST), ReadStats()))
    assert len(items) == 2 and _Handler.requests == ["/s/testdiplo"]
    items = list(fetch_channel(f"{server}/s/testdiplo", ReadOptions(limit=4, **FAST), ReadStats()))
    assert len(items) == 4


def test_fetch_retries_with_backoff(server):
    _Handler.fail_first = 2
    items = list(fetch_channel(f"{server}/s/testdiplo", ReadOptions(limit=1, **FAST), ReadStats()))
    assert len(items) == 1 and _Handler.requests[:3] == ["/s/testdiplo"] * 3


def test_fetch_polite_delay_between_requests(server):
    sleeps = []
    from communique.ingest.http import Fetcher

    f = Fetcher(ReadOptions(request_delay=0.5, backoff=0.01), sleep=sleeps.append)
    list(fetch_channel(f"{server}/s/testdiplo", ReadOptions(request_delay=0.5), ReadStats(), fetcher=f))
    f.close()
    assert len(sleeps) == 2 and all(0 < s <= 0.5 for s in sleeps)


def test_unreachable_network_is_a_clear_error():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(NetworkError, match=r"127\.0\.0\.1.*unreachable.*gave up after 2 attempt"):
        list(fetch_channel(f"http://127.0.0.1:{port}/s/x", ReadOptions(retries=1, **FAST), ReadStats()))


def test_url_that_times_out(server):
    # a server that accepts but never answers
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        url = f"http://127.0.0.1:{s.getsockname()[1]}/s/x"
        with pytest.raises(NetworkError, match="timed out after 0.3s"):
            list(fetch_channel(url, ReadOptions(retries=0, request_delay=0, timeout=0.3), ReadStats()))


def test_channel_url_and_views():
    assert channel_url("@MFARussia") == "https://t.me/s/MFARussia"
    assert channel_url("https://t.me/MFARussia") == "https://t.me/s/MFARussia"
    assert channel_url("https://t.me/MFARussia/22957") == "https://t.me/s/MFARussia"
    assert channel_url("t.me/MFARussia") == "https://t.me/s/MFARussia"
    assert [parse_views(v) for v in ("950", "12.3K", "1.2M", "1,204", "x")] == [950, 12300, 1200000, 1204, None]
