"""The ingest, fetch, docs, quarantine and db commands, through click's runner."""

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import cli

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


@pytest.fixture
def run(tmp_path):
    db = str(tmp_path / "cli.db")

    def invoke(*args):
        return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)

    return invoke


def test_ingest_then_reingest_json(run):
    r = run("ingest", "--json", str(FIX / "tg_channel_new.json"), str(FIX / "feed_rss.xml"))
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert [(x["format"], x["new"], x["skipped"]) for x in rows] == [("telegram-json", 6, 3), ("rss", 2, 1)]
    assert rows[0]["skipped_by_reason"] == {"service": 2, "empty": 1}
    r = run("ingest", "--json", str(FIX / "tg_channel_new.json"))
    assert json.loads(r.output)[0]["unchanged"] == 6 and json.loads(r.output)[0]["new"] == 0


def test_exit_status_1_when_records_are_quarantined(run):
    r = run("ingest", str(FIX / "posts.csv"), "--column", "text=body", "--column", "published=date")
    assert r.exit_code == 1
    assert "Ingest summary" in r.output and "quarantine list" in r.output
    q = run("quarantine", "list", "--json")
    (row,) = json.loads(q.output)
    assert row["position"] == "line 4" and row["source"].endswith("posts.csv")


def test_usage_errors_exit_2(run):
    assert run("ingest").exit_code == 2
    assert run("ingest", "--format", "nope", "x").exit_code == 2
    assert run("ingest", "--column", "textbody", str(FIX / "posts.csv")).exit_code == 2


def test_forced_format_and_source_name(run):
    r = run("ingest", "--json", "--format", "telegram-html", "--source", "embassy",
            str(FIX / "tg_html_export" / "messages2.html"))
    assert json.loads(r.output)[0]["new"] == 1
    shown = json.loads(run("docs", "show", "tg:embassy:14", "--json").output)
    assert shown["channel"] == "embassy" and shown["lang"] == "fr" and len(shown["revisions"]) == 1


def test_docs_list_search_show_and_db_info(run):
    run("ingest", str(FIX / "tg_channel_new.json"), str(FIX / "feed_atom.xml"))
    listed = json.loads(run("docs", "list", "--json", "--lang", "ru").output)
    assert [d["id"] for d in listed] == ["tg:1700000001:101", "tg:1700000001:102"]
    hits = json.loads(run("docs", "search", "Albares", "--json").output)
    assert {h["id"] for h in hits} == {"tg:1700000001:107", "tg:1700000001:109"}
    r = run("docs", "show", "tg:1700000001:106")
    assert r.exit_code == 0 and "Sybiha" in r.output
    assert run("docs", "show", "tg:nope:1").exit_code == 1
    info = json.loads(run("db", "info", "--json").output)
    assert info["documents"] == 7 and info["by_source"] == {"telegram-json": 6, "rss": 1}
    assert info["by_language"]["ru"] == 2 and info["recent_runs"][0]["status"] == "done"
    text = run("docs", "list").output
    assert "2024-10-31 09:30" in text and "Diplomatic" in text


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        # /s/testdiplo?before=N -> the fixture page for that N
        before = self.path.partition("before=")[2]
        name = {"": "page_latest.html", "120": "page_before_120.html"}.get(before, "page_end.html")
        body = (FIX / "tme" / name).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)


def test_fetch_telegram_from_a_local_server(run):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Quiet)
    threading.Thread(target=partial(httpd.serve_forever, poll_interval=0.05), daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/s/testdiplo"
        r = run("fetch", "telegram", url, "--delay", "0", "--limit", "4", "--json")
        assert r.exit_code == 0, r.output
        assert json.loads(r.output)[0]["new"] == 4
        r = run("fetch", "telegram", url, "--delay", "0", "--since", "2024-11-20", "--json")
        assert json.loads(r.output)[0]["unchanged"] == 2
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_fetch_unreachable_is_exit_1_with_a_message(run):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = run("fetch", "telegram", f"http://127.0.0.1:{port}/s/x", "--delay", "0", "--timeout", "0.5", "--retries", "1")
    assert r.exit_code == 1
    assert "unreachable" in r.output


def test_ingest_url_that_times_out(run):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        url = f"http://127.0.0.1:{s.getsockname()[1]}/news/feed.xml"
        r = run("ingest", url, "--timeout", "0.3", "--retries", "0", "--json")
    assert r.exit_code == 1
    (row,) = json.loads(r.output)
    assert row["format"] == "rss" and "timed out after 0.3s" in row["error"] and url in row["error"]


def test_chat_id_gives_html_exports_the_keys_of_json_exports(run):
    r = run("ingest", "--json", "--chat-id", "1700000001", str(FIX / "tg_html_export" / "messages2.html"))
    assert r.exit_code == 0, r.output
    assert json.loads(run("docs", "show", "tg:1700000001:14", "--json").output)["channel"]
    r = run("ingest", "--chat-id", "Embassy", str(FIX / "tg_html_export" / "messages2.html"))
    assert r.exit_code == 2 and "--chat-id" in r.output
