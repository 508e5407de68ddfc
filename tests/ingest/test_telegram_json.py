import json
from datetime import datetime, timezone

from hypothesis import given, settings, strategies as st

from communique.ingest.base import ReadOptions
from communique.ingest.telegram_json import sniff

from ingest_helpers import FIXTURES, read_all, snapshot


def test_new_layout_golden(golden):
    docs, bad, skipped = read_all(FIXTURES / "tg_channel_new.json")
    golden("tg_channel_new", snapshot(docs, bad, skipped))


def test_new_layout_facts():
    docs, bad, skipped = read_all(FIXTURES / "tg_channel_new.json")
    by_id = {d.id: d for d in docs}
    assert not bad
    assert skipped == {"service": 2, "empty": 1}
    # date_unixtime is the truth, not the exporter's local "date"
    assert by_id["tg:1700000001:101"].published == datetime(2024, 10, 31, 9, 30, tzinfo=timezone.utc)
    assert by_id["tg:1700000001:101"].meta["edited"] == "2024-10-31T10:05:10+00:00"
    # an album a second apart with one caption is one document keyed by its first message
    album = by_id["tg:1700000001:102"]
    assert album.meta["album"] == [102, 103, 104] and "tg:1700000001:103" not in by_id
    # media_group_id groups even 4 s apart; a captioned photo 1 s later without the id is its own post
    assert by_id["tg:1700000001:107"].meta["album"] == [107, 108]
    assert "album" not in by_id["tg:1700000001:109"].meta
    assert by_id["tg:1700000001:105"].meta["forwarded"] is True
    assert by_id["tg:1700000001:105"].meta["forwarded_from"] == "Auswärtiges Amt (test)"
    assert by_id["tg:1700000001:106"].meta["reply_to"] == 105
    assert by_id["tg:1700000001:106"].meta["links"] == ["https://example.org/statements/2024-11-04"]
    assert by_id["tg:1700000001:106"].text == (
        "Baerbock met Foreign Minister Sybiha in Kyiv; the joint statement was published in the evening.")


def test_full_export_with_chats_list(golden):
    docs, bad, skipped = read_all(FIXTURES / "tg_full_export.json")
    golden("tg_full_export", snapshot(docs, bad, skipped))
    # the same message id in two chats gives two documents
    assert [d.id for d in docs] == ["tg:1600000002:7", "tg:1600000003:7", "tg:1600000004:1"]
    assert [d.channel for d in docs] == ["Embassy News (test)", "Consulate (test)", "Old Channel (test)"]
    assert docs[2].meta["time_assumed_utc"] is True


def test_source_name_overrides_channel():
    docs, _, _ = read_all(FIXTURES / "tg_channel_new.json", options=ReadOptions(source_name="wire"))
    assert {d.channel for d in docs} == {"wire"}


def test_since_drops_older_posts():
    since = datetime(2024, 11, 5, tzinfo=timezone.utc)
    docs, _, skipped = read_all(FIXTURES / "tg_channel_new.json", options=ReadOptions(since=since))
    assert [d.id for d in docs] == ["tg:1700000001:107", "tg:1700000001:109"]
    assert skipped["before-since"] == 4


def test_truncated_export_keeps_what_came_before(tmp_path):
    data = (FIXTURES / "tg_channel_new.json").read_bytes()
    cut = data.index(b'"id": 106')
    path = tmp_path / "result.json"
    path.write_bytes(data[:cut])
    docs, bad, _ = read_all(path)
    assert [d.id for d in docs] == ["tg:1700000001:101", "tg:1700000001:102", "tg:1700000001:105"]
    assert len(bad) == 1
    assert bad[0].position == f"byte {cut}"
    assert "truncated" in bad[0].error and "after message 105" in bad[0].error


def test_wrong_encoding_names_the_byte(tmp_path):
    data = (FIXTURES / "tg_channel_new.json").read_text(encoding="utf-8")
    path = tmp_path / "result.json"
    raw = data.encode("cp1251", errors="replace")
    path.write_bytes(raw)
    docs, bad, _ = read_all(path, fmt="telegram-json")
    assert len(bad) == 1 and "not UTF-8" in bad[0].error
    first_bad = next(i for i, b in enumerate(raw) if b >= 0x80)
    assert bad[0].position.startswith(f"byte {first_bad}")


def test_sniff_tells_exports_from_json_lines():
    assert sniff(FIXTURES / "x.json", (FIXTURES / "tg_channel_new.json").read_bytes())
    assert sniff(FIXTURES / "x.json", (FIXTURES / "tg_full_export.json").read_bytes())
    assert not sniff(FIXTURES / "x.jsonl", b'{"text": "a", "type": "message", "from_id": 1}\n{"text": "b"}\n')
    assert not sniff(FIXTURES / "x.json", b'{"some": "other json"}')


_text_part = st.one_of(
    st.text(min_size=1, max_size=30),
    st.builds(lambda t, k: {"type": k, "text": t}, st.text(min_size=1, max_size=20),
              st.sampled_from(["bold", "link", "hashtag", "mention", "italic"])),
)


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(_text_part, min_size=1, max_size=6), layout=st.sampled_from(["list", "entities", "string"]))
def test_text_of_any_layout_is_the_concatenation(tmp_path_factory, parts, layout):
    expected = "".join(p if isinstance(p, str) else p["text"] for p in parts)
    msg = {"id": 1, "type": "message", "date": "2024-01-01T00:00:00", "date_unixtime": "1704067200",
           "from": "c", "from_id": "channel5"}
    if layout == "list":
        msg["text"] = parts
    elif layout == "entities":
        msg["text"] = "ignored when entities are present"
        msg["text_entities"] = [p if isinstance(p, dict) else {"type": "plain", "text": p} for p in parts]
    else:
        msg["text"] = expected
    path = tmp_path_factory.mktemp("h") / "result.json"
    path.write_text(json.dumps({"name": "c", "type": "public_channel", "id": 5, "messages": [msg]}), encoding="utf-8")
    docs, bad, skipped = read_all(path, fmt="telegram-json")
    if expected.strip():
        assert [d.text for d in docs] == [expected] and docs[0].id == "tg:5:1"
    else:
        assert docs == [] and skipped == {"empty": 1}
    assert bad == []


def test_signature_reactions_and_forward_ids(tmp_path):
    msg = {"id": 9, "type": "message", "date": "2025-01-10T12:00:00", "date_unixtime": "1736510400",
           "from": "Chan", "from_id": "channel77", "author": "Press Office", "forwarded_from": "Other",
           "forwarded_from_id": "channel88", "views": 1500, "forwards": 12,
           "reactions": [{"type": "emoji", "count": 5, "emoji": "👍"}, {"type": "emoji", "count": 2, "emoji": "🔥"}],
           "text": "Statement on the talks."}
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"name": "Chan", "type": "public_channel", "id": 77, "messages": [msg]}), "utf-8")
    (doc,), bad, _ = read_all(path)
    assert doc.meta["author"] == "Press Office" and doc.meta["reactions"] == 7
    assert doc.meta["forwarded_from_id"] == "channel88" and doc.meta["forwarded"] is True
    assert (doc.meta["views"], doc.meta["forwards"]) == (1500, 12)


def test_invalid_json_in_the_middle_loses_only_the_broken_message(tmp_path):
    data = (FIXTURES / "tg_channel_new.json").read_text(encoding="utf-8")
    whole, _, _ = read_all(FIXTURES / "tg_channel_new.json")
    broken = data.replace('"id": 106,', '"id": 106,,', 1)
    path = tmp_path / "result.json"
    path.write_text(broken, encoding="utf-8")
    docs, bad, _ = read_all(path)
    assert [d.id for d in docs] == [d.id for d in whole if d.id != "tg:1700000001:106"]
    assert "tg:1700000001:107" in [d.id for d in docs]
    (b,) = bad
    start = broken.encode("utf-8").rindex(b"{", 0, broken.encode("utf-8").index(b'"id": 106,,'))
    assert b.position == f"byte {start} (message 106)"
    assert "message 106 is not valid JSON" in b.error and '"id": 106,,' in b.raw
    # what was recovered is the same as reading the intact file
    by_id = {d.id: d for d in whole}
    assert all(d.text == by_id[d.id].text and d.published == by_id[d.id].published for d in docs)


def test_invalid_json_between_messages_recovers_the_rest(tmp_path):
    data = (FIXTURES / "tg_channel_new.json").read_text(encoding="utf-8")
    whole, _, _ = read_all(FIXTURES / "tg_channel_new.json")
    cut = data.index('"id": 107,')
    cut = data.rindex("{", 0, cut)
    comma = data.rindex(",", 0, cut)
    broken = data[:comma] + data[comma + 1:]  # the comma between two messages is missing
    path = tmp_path / "result.json"
    path.write_text(broken, encoding="utf-8")
    docs, bad, _ = read_all(path)
    assert [d.id for d in docs] == [d.id for d in whole]
    (b,) = bad
    assert "invalid JSON" in b.error and "recovered" in b.error


def test_chat_id_option_keys_a_bare_array_but_never_overrides_the_export(tmp_path):
    data = json.loads((FIXTURES / "tg_channel_new.json").read_text(encoding="utf-8"))
    path = tmp_path / "excerpt.json"
    for m in data["messages"]:
        m.pop("from_id", None)
    path.write_text(json.dumps(data["messages"]), encoding="utf-8")
    docs, _, _ = read_all(path, options=ReadOptions(chat_id="1700000001"))
    assert docs and all(d.id.startswith("tg:1700000001:") for d in docs)
    docs, _, _ = read_all(FIXTURES / "tg_channel_new.json", options=ReadOptions(chat_id="42"))
    assert docs and all(d.id.startswith("tg:1700000001:") for d in docs)
