from datetime import datetime, timezone

from communique.ingest.base import ReadOptions

from ingest_helpers import FIXTURES, read_all, snapshot


def test_rss_golden(golden):
    docs, bad, skipped = read_all(FIXTURES / "feed_rss.xml")
    golden("feed_rss", snapshot(docs, bad, skipped))
    assert [d.id for d in docs] == ["rss:example.org/en/press:press-2024-1101",
                                    "rss:example.org/en/press:https://www.example.org/en/press/2024/11/belgrade-talks"]
    assert docs[0].published == datetime(2024, 11, 18, 11, 30, tzinfo=timezone.utc)
    assert docs[0].title == "Foreign Minister to visit Belgrade"
    assert docs[0].text.startswith("The Foreign Minister will travel to Belgrade on 21 November")
    assert skipped == {"empty": 1}


def test_atom_golden(golden):
    docs, bad, skipped = read_all(FIXTURES / "feed_atom.xml")
    golden("feed_atom", snapshot(docs, bad, skipped))
    (doc,) = docs
    assert doc.id == "rss:example.de/de/newsroom:tag:example.de,2024:2612"
    assert doc.published == datetime(2024, 12, 2, 9, 0, tzinfo=timezone.utc)
    assert doc.meta["updated"] == "2024-12-02T10:30:00+00:00"
    assert doc.lang == "de" and "französischen Außenminister" in doc.text


def test_broken_feed_keeps_items_and_names_the_line():
    docs, bad, _ = read_all(FIXTURES / "feed_broken.xml")
    assert docs[0].id == "rss:broken.example.org:b-1"
    assert len(bad) == 1 and bad[0].position.startswith("line 14")
    assert "malformed" in bad[0].error


def test_feed_source_name():
    docs, _, _ = read_all(FIXTURES / "feed_rss.xml", options=ReadOptions(source_name="mfa"))
    assert docs[0].id == "rss:mfa:press-2024-1101" and docs[0].channel == "mfa"


def test_article_page_golden(golden):
    docs, bad, skipped = read_all(FIXTURES / "article.html")
    golden("article", snapshot(docs, bad, skipped))
    (doc,) = docs
    assert doc.id == "web:https://www.example.org/en/press/2024/11/belgrade-talks"
    assert doc.published == datetime(2024, 11, 21, 14, 5, tzinfo=timezone.utc)
    assert doc.title == "Minister meets Serbian counterpart"
    assert "signed a plan of consultations" in doc.text
    assert "All rights reserved" not in doc.text and "About us" not in doc.text
    assert doc.lang == "en"


def test_article_without_url_is_a_file_key(golden):
    docs, bad, skipped = read_all(FIXTURES / "article_no_url.html")
    golden("article_no_url", snapshot(docs, bad, skipped))
    (doc,) = docs
    assert doc.id.startswith("file:") and len(doc.id) == 5 + 64
    assert doc.published == datetime(2024, 12, 2, 14, 0, tzinfo=timezone.utc)  # JSON-LD datePublished
    assert "format de Weimar" in doc.text


class _Site:
    """A local web site: a feed whose items link to article pages on the same server."""

    def __init__(self):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        site = self
        self.requests = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                site.requests.append(self.path)
                body, ctype = site.pages.get(self.path, (None, None))
                if body is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        feed = (FIXTURES / "feed_rss.xml").read_text(encoding="utf-8").replace("https://www.example.org", self.base)
        article = (FIXTURES / "article.html").read_bytes()
        self.pages = {
            "/feed.xml": (feed.encode("utf-8"), "application/rss+xml"),
            "/en/press/2024/11/belgrade-talks": (article, "text/html; charset=utf-8"),
            "/article": (article, "text/html; charset=utf-8"),
        }
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


FAST = dict(request_delay=0.0, backoff=0.01, retries=1, timeout=5.0)


def test_feed_from_url_following_links():
    site = _Site()
    try:
        docs, bad, _ = read_all(f"{site.base}/feed.xml", fmt="rss", options=ReadOptions(follow_links=True, **FAST))
    finally:
        site.close()
    assert not bad
    first, second = docs
    # the first item's page is missing (404): the summary stays, with the reason
    assert first.text.startswith("The Foreign Minister will travel") and "HTTP 404" in first.meta["follow_error"]
    # the second item's page is there: its main text replaces the summary, which is kept in meta
    assert "signed a plan of consultations between the two foreign ministries" in second.text
    assert second.meta["summary"] == "The ministers signed a plan of consultations for 2025."
    assert second.id == f"rss:127.0.0.1:{site.base.rsplit(':', 1)[1]}/en/press:{site.base}/en/press/2024/11/belgrade-talks"


def test_article_from_url_keeps_its_canonical_key():
    site = _Site()
    try:
        docs, bad, _ = read_all(f"{site.base}/article", fmt="web", options=ReadOptions(**FAST))
    finally:
        site.close()
    (doc,) = docs
    assert doc.id == f"web:{site.base}/article" and doc.title == "Minister meets Serbian counterpart"
    assert doc.published == datetime(2024, 11, 21, 14, 5, tzinfo=timezone.utc)


def test_page_in_a_declared_legacy_charset():
    site = _Site()
    body = ("<html><head><meta charset='windows-1251'><title>Переговоры</title>"
            "<meta property='article:published_time' content='2024-11-21T17:05:00+03:00'></head><body><article>"
            "<h1>Переговоры в Белграде</h1><p>Министры иностранных дел провели переговоры в Белграде и подписали "
            "план консультаций на 2025 и 2026 годы. Следующая встреча запланирована в Москве.</p>"
            "<p>Стороны обсудили поставки энергоносителей, транспортные связи и положение на Балканах.</p>"
            "</article></body></html>").encode("cp1251")
    site.pages["/ru"] = (body, "text/html")  # no charset in the header: the page's own declaration counts
    try:
        docs, bad, _ = read_all(f"{site.base}/ru", fmt="web", options=ReadOptions(**FAST))
    finally:
        site.close()
    (doc,) = docs
    assert "подписали план консультаций" in doc.text
