import unicodedata

from hypothesis import given, settings, strategies as st

from communique.normalize import find_flags, find_hashtags, find_links, normalize, split_glued_urls, split_sentences

SEED_TAIL = "👉 Lesen Sie mehr\nhttps://mid.ru/en/foreign_policy/news/1982765/https://t.me/MFARussia/22957"


def test_glued_urls_are_two_links():
    links = [l.text for l in find_links(SEED_TAIL)]
    assert links == ["https://mid.ru/en/foreign_policy/news/1982765/", "https://t.me/MFARussia/22957"]


def test_link_spans_index_the_text():
    for l in find_links(SEED_TAIL + " and www.example.org/x."):
        assert (SEED_TAIL + " and www.example.org/x.")[l.start:l.end] == l.text
    assert find_links("see www.example.org/x.")[-1].text == "www.example.org/x"


def test_flags_to_iso_codes():
    assert [c for _, _, c in find_flags("🇷🇺🇧🇾 Am 21.")] == ["RU", "BY"]


def test_hashtags():
    assert [h.text for h in find_hashtags("vor allem der #SCO und #BRICS, nicht C#")] == ["SCO", "BRICS"]


def test_sentences_keep_initials_and_ordinals():
    text = "Am 21. und 22. November trifft С.В. Лавров den Minister. Dann folgt die Sitzung."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Am 21. und 22. November trifft С.В. Лавров den Minister.", "Dann folgt die Sitzung."]


def test_normalize_identity_is_cheap_and_exact():
    n = normalize("plain text")
    assert n.is_identity and n.text == "plain text" and n.to_original(0, 5) == (0, 5)


def test_normalize_nfc_and_spaces_map_back():
    original = "Caf\u0065\u0301\u00a0Lawrow\u00ad"
    n = normalize(original)
    assert n.text == "Café Lawrow"
    s, e = n.to_original(5, 11)
    assert original[s:e] == "Lawrow"
    s, e = n.to_original(0, 4)
    assert unicodedata.normalize("NFC", original[s:e]) == "Café"


def test_mojibake_is_repaired_with_a_map():
    original = "Außenminister Lawrow"
    broken = original.encode("utf-8").decode("latin-1")
    n = normalize(broken)
    assert n.text == original
    s, e = n.to_original(14, 20)
    assert broken[s:e] == "Lawrow"


_alphabet = st.sampled_from(list("abcXYZ äöüßéèЛавровБрест.,!?-\u0301\u0308\u00a0\u00ad\u200b\n 0123456789🇷🇺"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_alphabet, max_size=60))
def test_every_normalised_span_maps_back_to_the_same_characters(text):
    n = normalize(text)
    for i in range(len(n.text)):
        for j in range(i + 1, min(len(n.text), i + 6) + 1):
            s, e = n.to_original(i, j)
            assert 0 <= s <= e <= len(text)
            back = unicodedata.normalize("NFC", text[s:e])
            back = "".join(" " if c in "\u00a0" else c for c in back if c not in "\u00ad\u200b")
            assert n.text[i:j] in back


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["https://a.ru/x/", "http://t.me/c/1", "https://b.org", "www.c.de/p"]), min_size=1,
                max_size=4))
def test_glued_url_splitter_recovers_each_url(urls):
    glued = "".join(urls)
    spans = split_glued_urls(glued)
    assert "".join(glued[s:e] for s, e in spans) == glued
    assert len(spans) == len(urls) - sum(1 for a, b in zip(urls, urls[1:]) if b.startswith("www.") and a.endswith("://"))
