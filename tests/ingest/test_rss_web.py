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
