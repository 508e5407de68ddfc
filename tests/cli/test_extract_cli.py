import json

from click.testing import CliRunner

from communique.cli import cli


def run(args, stdin=None, tmp_path=None):
    db = str(tmp_path / "t.db") if tmp_path else ":memory:"
    return CliRunner().invoke(cli, ["--db", db, *args], input=stdin)


def test_extract_stdin_one_record_per_line_in_order(tmp_path):
    lines = [
        {"id": "a", "text": "Лавров провёл переговоры в Минске.", "published": "2024-11-20T10:00:00Z", "lang": "ru"},
        {"text": "Sergey Lavrov will visit Brest.", "published": None},
    ]
    res = run(["extract"], "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", tmp_path)
    assert res.exit_code == 0, res.output
    out = [json.loads(l) for l in res.stdout.splitlines()]
    assert [r["doc"]["id"] for r in out][0] == "a"
    assert out[1]["doc"]["id"].startswith("file:")
    assert out[0]["doc"]["published"] == "2024-11-20T10:00:00+00:00"
    assert set(out[0]) >= {"doc", "entities", "times", "events"}


def test_extract_is_deterministic(tmp_path):
    line = json.dumps({"id": "x", "text": "Am 21. und 22.November wird Sergej Lawrow Brest besuchen."}) + "\n"
    a = run(["extract", "--published", "2024-11-20"], line, tmp_path).stdout
    b = run(["extract", "--published", "2024-11-20"], line, tmp_path).stdout
    assert a == b and a


def test_bad_line_is_reported_and_skipped_with_status_1(tmp_path):
    res = run(["extract"], '{"text": "ok"}\nnot json\n{"id": 3}\n', tmp_path)
    assert res.exit_code == 1
    assert len(res.stdout.splitlines()) == 1
    assert "line 2" in res.stderr and "line 3" in res.stderr


def test_bad_published_is_a_usage_error(tmp_path):
    res = run(["extract", "--published", "yesterday"], '{"text": "x"}\n', tmp_path)
    assert res.exit_code == 2
