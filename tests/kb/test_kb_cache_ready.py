import communique.kb as kbmod
from communique import __version__
from communique.kb import cache_ready
from communique.kb.build import fingerprint


def test_cache_ready_tells_whether_the_first_run_must_compile(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_CACHE", str(tmp_path))
    monkeypatch.delenv("COMMUNIQUE_KB_DIR", raising=False)
    monkeypatch.setattr(kbmod, "_CACHE", {})
    assert cache_ready() is False
    (tmp_path / "kb-0000000000000000.pickle").write_bytes(b"")  # another version's cache does not count
    assert cache_ready() is False
    (tmp_path / f"kb-{fingerprint(None, __version__)}.pickle").write_bytes(b"")
    assert cache_ready() is True
