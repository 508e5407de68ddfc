import json

from click.testing import CliRunner

from communique.cli import cli
from communique.pipeline import extractor_version
from communique.store import open_store


def _ingest(tmp_path, docs):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "ingest", str(src)])


def test_extract_db_is_incremental(tmp_path):
    docs = [{"id": "d1", "text": "Sergey Lavrov will visit Minsk on 21 November.", "published": "2024-11-20T10:00:00Z",
             "lang": "en"},
            {"id": "d2", "text": "Лавров провёл переговоры в Минске.", "published": "2024-11-22T10:00:00Z", "lang": "ru"}]
    assert _ingest(tmp_path, docs).exit_code == 0
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    first = runner.invoke(cli, ["--db", db, "extract", "--db"])
    assert first.exit_code == 0, first.output
    assert "extracted 2 documents" in first.stderr
    again = runner.invoke(cli, ["--db", db, "extract", "--db"])
    assert "nothing to extract" in again.stderr
    docs[1]["text"] = "Лавров провёл переговоры в Минске с Рыженковым."
    assert _ingest(tmp_path, docs).exit_code == 0
    third = runner.invoke(cli, ["--db", db, "extract", "--db"])
    assert "extracted 1 documents" in third.stderr
    with open_store(db) as store:
        rec = store.get_extraction("d2")
    assert rec["doc"]["id"] == "d2" and rec["doc"]["text_sha256"]


def test_extractor_version_follows_the_users_kb_dir(tmp_path, monkeypatch):
    before = extractor_version()
    extractor_version.cache_clear()
    kb_dir = tmp_path / "kb"
    kb_dir.mkdir()
    (kb_dir / "extra.yaml").write_text("x: 1\n", encoding="utf-8")
    monkeypatch.setenv("COMMUNIQUE_KB_DIR", str(kb_dir))
    try:
        assert extractor_version() != before
    finally:
        extractor_version.cache_clear()


def test_extract_db_saves_with_fewer_collections(tmp_path, monkeypatch):
    # the store's hooks consolidate each saved record; like `communique consolidate`, the save runs with the
    # collector's raised threshold, and the threshold is back afterwards
    import gc

    from communique.consolidate import GC_THRESHOLD
    from communique.store.sqlite import SQLiteStore

    seen = []
    original = SQLiteStore.save_extractions

    def spy(self, items, version):
        seen.append(gc.get_threshold()[0])
        return original(self, items, version)

    monkeypatch.setattr(SQLiteStore, "save_extractions", spy)
    docs = [{"id": "g1", "text": "Лавров провёл переговоры в Минске.", "published": "2024-11-22T10:00:00Z", "lang": "ru"}]
    assert _ingest(tmp_path, docs).exit_code == 0
    before = gc.get_threshold()
    res = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "extract", "--db"])
    assert res.exit_code == 0, res.output
    assert seen and all(t >= GC_THRESHOLD for t in seen)
    assert gc.get_threshold() == before
