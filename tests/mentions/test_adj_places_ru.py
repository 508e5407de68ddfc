"""Russian relational adjectives of places (mentions/adj_ru.py)."""

from communique.documents import Document
from communique.mentions import MentionLinker
from communique.mentions.adj_ru import _stems
from communique.normalize import normalize


def _find(text):
    lk = MentionLinker(use_natasha=False)
    d = Document(id="t", text=text, source="t", lang="ru")
    return {text[m.start:m.end]: (m.eid, m.kind, m.etype) for m in lk.find(d, normalize(text))}


def test_stems_rebuild_place_names():
    assert "москва" in _stems("московский")
    assert "уфа" in _stems("уфимский")
    assert "калифорния" in _stems("калифорнийский")
    assert "курск" in _stems("курский")
    assert "европа" in _stems("европейский")
    assert _stems("красный") == []


def test_place_adjectives_found():
    got = _find("Его отвезли в уфимскую больницу, потом в шанхайском торговом центре. Папа Римский молчит.")
    assert got["уфимскую"][1:] == ("adj", "place")
    assert got["шанхайском"][1:] == ("adj", "place")
    assert got["Римский"][1:] == ("adj", "place")
    assert got["уфимскую"][0] != got["шанхайском"][0]


def test_common_adjectives_are_no_places():
    got = _find("Городской суд и морской порт, президентский совет, женский клуб.")
    assert not any(v[2] == "place" for v in got.values())


def test_nationality_before_private_person_noun():
    got = _find("Умер польский композитор. Российский дипломат заявил. Итальянского фотографа убили.")
    assert got["польский"][1:] == ("dem", "country")  # a nationality
    assert got["Итальянского"][1] == "dem"
    assert got["Российский"][1] in ("adj", "adjstem")  # a state office: the country itself


def test_region_adjective_and_its_kind_are_one_place():
    got = _find("Житель Кировской области переехал в Красноярском крае, в бывшем Советском Союзе.")
    assert got["Кировской области"][1:] == ("name", "place")
    assert got["Красноярском крае"][2] == "place"
    assert got["Советском Союзе"][2] in ("place", "country")  # the Soviet Union is a KB entity since s12-ru5
    assert "Кировской" not in got


def test_european_union_is_no_region():
    got = _find("Путь в состав Европейского Союза для Албании остаётся открытым.")
    assert got.get("Европейского Союза", (None, None, None))[2] != "place"


def test_domain_zone_is_no_country():
    got = _find("Регистрация сайтов в зоне .РФ началась, Россия довольна.")
    assert "РФ" not in got
    assert got["Россия"][2] == "country"


def test_language_adjective_is_no_country():
    got = _find("Он преподавал русский язык и писал учебники по английскому языку.")
    assert got["русский"][1] == "dem"
    assert got["английскому"][1] == "dem"
