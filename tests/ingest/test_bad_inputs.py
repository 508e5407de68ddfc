"""Every bad input of issue 2: a clear error naming the file and the position, nothing else lost."""

import shutil
from pathlib import Path

from communique.ingest.runner import ingest

from ingest_helpers import FIXTURES


def _by_name(results):
    return {Path(r.source).name: r for r in results}


def _quarantine(store):
    return {(Path(r["source"]).name, r["position"]): r["error"] for r in store.quarantined()}


def test_a_directory_of_mixed_and_bad_files(tmp_path, store):
    d = tmp_path / "mixed"
    d.mkdir()
    for name in ("tg_channel_new.json", "feed_rss.xml", "article.html", "note.txt", "posts_semicolon.csv",
                 "tg_html_no_messages.html"):
        shutil.copy(FIXTURES / name, d / name)
    shutil.copy(FIXTURES / "tme" / "page_latest.html", d / "tme_page.html")
    shutil.copytree(FIXTURES / "tg_html_export", d / "ChatExport")
    data = (FIXTURES / "tg_full_export.json").read_bytes()
    (d / "truncated.json").write_bytes(data[: data.index(b'"id": 7,', data.index(b'Consulate'))])
    (d / "empty.txt").write_bytes(b"")
    (d / "cp1251.txt").write_bytes("Министр прибыл в Минск.".encode("cp1251"))
    (d / "mapped.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (d / "blob.bin").write_bytes(b"\x00\x01\x02binary")
    (d / ".hidden.json").write_text("{}", encoding="utf-8")

    results = _by_name(ingest([str(d)], store, options=None))
    formats = {k: v.format for k, v in results.items()}
    assert formats == {
        "tg_channel_new.json": "telegram-json", "feed_rss.xml": "rss", "article.html": "web", "note.txt": "text",
        "posts_semicolon.csv": "csv", "tg_html_no_messages.html": "telegram-html", "tme_page.html": "telegram-web",
        "messages.html": "telegram-html", "messages2.html": "telegram-html", "truncated.json": "telegram-json",
        "empty.txt": None, "cp1251.txt": "text", "mapped.csv": "csv", "blob.bin": None,
    }
    assert ".hidden.json" not in results
    good = {"tg_channel_new.json": 6, "feed_rss.xml": 2, "article.html": 1, "note.txt": 1, "posts_semicolon.csv": 1,
            "tme_page.html": 3, "messages.html": 3, "messages2.html": 1, "truncated.json": 1}
    for name, n in good.items():
        assert results[name].counts.new == n, name
    assert store.count_documents() == sum(good.values())

    q = _quarantine(store)
    assert "empty" in q[("empty.txt", "byte 0")]
    assert "not UTF-8" in q[("cp1251.txt", "byte 0")]
    assert "no messages" in q[("tg_html_no_messages.html", "file")]
    assert "no text column" in q[("mapped.csv", "line 1")]
    assert "cannot tell the format" in q[("blob.bin", "file")]
    trunc = [(pos, err) for (name, pos), err in q.items() if name == "truncated.json"]
    assert len(trunc) == 1 and trunc[0][0].startswith("byte ") and "truncated" in trunc[0][1]
    for name in ("empty.txt", "cp1251.txt", "tg_html_no_messages.html", "mapped.csv", "blob.bin", "truncated.json"):
        assert results[name].error and name in results[name].error or results[name].counts.quarantined, name


def test_csv_without_mapped_columns_is_reported(tmp_path, store):
    from communique.ingest.base import ReadOptions

    (r,) = ingest([str(FIXTURES / "posts.csv")], store, options=ReadOptions(csv_columns={"text": "message"}))
    assert r.counts.new == 0 and "'message'" in r.error and "posts.csv" in r.error


def test_url_that_does_not_answer_is_reported(store):
    import socket

    from communique.ingest.base import ReadOptions

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        url = f"http://127.0.0.1:{s.getsockname()[1]}/feed.xml"
        (r,) = ingest([url], store, options=ReadOptions(timeout=0.3, retries=0, request_delay=0))
    assert r.format == "rss" and "timed out" in r.error and url in r.error
    assert store.quarantined()[0]["source"] == url


def test_a_connector_bug_is_reported_and_other_sources_go_on(tmp_path, store, monkeypatch):
    from communique.ingest import telegram_json

    def broken(msg, chat, index):
        raise RuntimeError("boom")

    monkeypatch.setattr(telegram_json._AlbumBuffer, "add", lambda self, msg, chat, index: broken(msg, chat, index))
    results = ingest([str(FIXTURES / "tg_channel_new.json"), str(FIXTURES / "feed_rss.xml")], store)
    assert "RuntimeError: boom" in results[0].error and results[0].counts.quarantined == 1
    assert results[1].error is None and results[1].counts.new == 2


def test_an_html_export_folder_skips_its_media_styles_and_scripts(tmp_path, store):
    d = tmp_path / "ChatExport_2024-11-21"
    shutil.copytree(FIXTURES / "tg_html_export", d)
    for sub, name, data in (("css", "style.css", b".page_wrap { margin: 0 }"), ("js", "script.js", b"function f(){}"),
                            ("photos", "photo_1@20-11-2024_10-17-00.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF")):
        (d / sub).mkdir()
        (d / sub / name).write_bytes(data)
    results = ingest([str(d)], store)
    assert [Path(r.source).name for r in results] == ["messages.html", "messages2.html"]
    assert all(r.error is None for r in results) and store.count_documents() == 4
