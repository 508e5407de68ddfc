from datetime import datetime, timezone

from communique.documents import Document
from communique.record import build_record

TEXT = "🇷🇺🇧🇾 Treffen der #SCO mit @MFARussia\nhttps://mid.ru/en/news/1982765/https://t.me/MFARussia/22957"


def test_record_doc_carries_links_hashtags_mentions_and_flags_as_spans():
    doc = Document(id="x", text=TEXT, source="test", lang="de", published=datetime(2024, 11, 20, tzinfo=timezone.utc))
    d = build_record(doc, [], [], [])["doc"]
    assert [l["url"] for l in d["links"]] == ["https://mid.ru/en/news/1982765/", "https://t.me/MFARussia/22957"]
    assert [f["country"] for f in d["flags"]] == ["RU", "BY"]
    assert [h["tag"] for h in d["hashtags"]] == ["SCO"]
    assert [m["user"] for m in d["user_mentions"]] == ["MFARussia"]
    for key in ("links", "hashtags", "user_mentions", "flags"):
        for span in d[key]:
            assert 0 <= span["start"] < span["end"] <= len(TEXT)
    assert TEXT[d["links"][1]["start"]:d["links"][1]["end"]] == "https://t.me/MFARussia/22957"
