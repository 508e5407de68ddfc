"""``communique kb``: search (text and JSON), show, stats; the extension directory option."""

from __future__ import annotations

import json

from click.testing import CliRunner

from communique.cli import cli


def test_kb_search_json():
    res = CliRunner().invoke(cli, ["kb", "search", "--json", "Sergej", "Lawrow"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)  # stderr may carry the knowledge base's build progress on a cold cache
    assert data[0]["id"] == "kb:person/sergey-lavrov"
    assert set(data[0]) >= {"id", "type", "name", "country", "role"}


def test_kb_search_text_show_and_stats():
    runner = CliRunner()
    res = runner.invoke(cli, ["kb", "search", "Weißrussland"])
    assert res.exit_code == 0 and "kb:country/BY" in res.output
    res = runner.invoke(cli, ["kb", "show", "gn:629634"])
    assert res.exit_code == 0 and json.loads(res.stdout)["country"] == "BY"
    res = runner.invoke(cli, ["kb", "show", "kb:org/nope"])
    assert res.exit_code != 0
    res = runner.invoke(cli, ["kb", "stats"])
    assert res.exit_code == 0 and json.loads(res.stdout)["by_type"]["country"] >= 249


def test_kb_missing_extension_dir_is_an_error(tmp_path):
    res = CliRunner().invoke(cli, ["kb", "stats", "--kb-dir", str(tmp_path / "missing")])
    assert res.exit_code != 0
