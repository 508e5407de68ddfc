from communique.documents import Document
from communique.ingest.runner import LANG_SAMPLE, expand_sources, guess_url_format, language_of
from communique.normalize.language import detect_language


def _doc(text, title=None):
    return Document(id="file:x", text=text, source="test", title=title)


def test_language_of_long_posts_uses_a_sample_with_the_same_answer():
    de = "Die Außenministerin reist am Montag zu Gesprächen nach Paris und trifft ihren Amtskollegen. " * 30
    assert len(de) > LANG_SAMPLE
    assert language_of(_doc(de)) == detect_language(de) == "de"


def test_language_of_falls_back_to_the_whole_text():
    # the first 1,000 characters are links only: the sample cannot decide, the whole text can
    links = " ".join(f"https://example.org/{i}" for i in range(60))
    text = links + " " + "Le ministre se rendra à Madrid la semaine prochaine pour des entretiens. " * 3
    assert len(links) > LANG_SAMPLE
    assert language_of(_doc(text)) == "fr"
    assert language_of(_doc(links), hint="ru") == "ru"


def test_language_of_short_posts_uses_the_title():
    assert language_of(_doc("Minsk", title="Переговоры министров иностранных дел в Минске")) == "ru"


def test_url_formats_and_directory_expansion(tmp_path):
    assert guess_url_format("https://t.me/s/MFARussia") == "telegram-web"
    assert guess_url_format("https://example.org/feed.xml") == "rss"
    assert guess_url_format("https://example.org/press/1") == "web"
    (tmp_path / "a.json").write_text("{}")
    (tmp_path / ".hidden").write_text("x")
    (tmp_path / "img.png").write_bytes(b"\x89PNG")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text("x")
    assert expand_sources([str(tmp_path), "https://x.org/feed"]) == [
        str(tmp_path / "a.json"), str(sub / "b.txt"), "https://x.org/feed"]
