"""Knowledge base: folding, transliteration, build pieces, the search/get API."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from communique.kb import load_kb
from communique.kb.build import DATA_DIR, KBData, _build_orgs, _build_persons, adjective_forms, ru_phrase_forms
from communique.kb.fold import fold
from communique.kb.translit import transliterate, variants


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@given(st.text())
def test_fold_preserves_length(s):
    assert len(fold(s)) == len(s)


def test_fold_cases_and_accents():
    assert fold("Weißrussland") == "weißrussland"
    assert fold("Sergueï ÉTATS Ёлка") == "serguei etats елка"
    assert fold("Сергей") == "сергей"  # й is kept


@pytest.mark.parametrize("ru, lang, out", [
    ("Сергей Лавров", "de", "Sergej Lawrow"),
    ("Максим Рыженков", "de", "Maksim Ryschenkow"),
    ("Пётр Пархомчик", "de", "Pjotr Parchomtschik"),
    ("Мария Захарова", "de", "Marija Sacharowa"),
    ("Василий Небензя", "de", "Wassili Nebensja"),
    ("Сергей Лавров", "en", "Sergey Lavrov"),
    ("Сергей Лавров", "fr", "Serguei Lavrov"),
    ("Сергей Лавров", "es", "Serguéi Lavrov"),
])
def test_transliteration(ru, lang, out):
    assert transliterate(ru, lang) == out


def test_variants_include_common_spellings():
    v = variants("Максим Рыженков")
    assert {"Maxim Ryschenkow", "Maxim Ryzhenkov", "Maxim Ryjenkov"} <= v


def test_russian_phrase_forms():
    forms = ru_phrase_forms("Шанхайская организация сотрудничества")
    assert "Шанхайской организации сотрудничества" in forms
    assert "Республики Беларусь" in ru_phrase_forms("Республика Беларусь")


def test_adjective_forms():
    assert ("российск", "adjstem") in adjective_forms("российский", "ru")
    es = {f for f, _ in adjective_forms("ruso", "es")}
    assert {"ruso", "rusa", "rusos", "rusas"} <= es


def test_search_person_any_script(kb):
    for q in ("Lawrow", "Sergej Lawrow", "Лаврова", "Serguéi Lavrov", "Sergey Lavrov"):
        res = kb.search(q)
        assert res and res[0]["id"] == "kb:person/sergey-lavrov", q
    top = kb.search("Lavrov")[0]
    assert set(top) >= {"id", "type", "name", "country", "role"}
    assert top["country"] == "RU" and "Foreign" in top["role"]


def test_search_countries_and_orgs(kb):
    assert kb.search("Weißrussland")[0]["id"] == "kb:country/BY"
    assert kb.search("Белоруссия")[0]["id"] == "kb:country/BY"
    assert kb.search("ШОС")[0]["id"] == "kb:org/sco"
    assert kb.search("SOZ")[0]["id"] == "kb:org/sco"
    assert kb.search("OCS")[0]["id"] == "kb:org/sco"
    assert kb.search("Unionsstaat")[0]["id"] == "kb:org/union-state"
    assert kb.search("Brest")[0]["id"] == "gn:629634"  # the larger Brest, in Belarus


def test_get_and_stats(kb):
    by = kb.get("kb:country/BY")
    assert by["name"] == "Belarus" and by["wikidata"] == "Q184" and by["geonames"] == 630336
    assert kb.get("nope") is None
    s = kb.stats()
    assert s["by_type"]["country"] >= 249
    assert s["by_type"]["organization"] + s["by_type"].get("group", 0) >= 100
    assert s["by_type"]["place"] > 30000


def test_role_on_document_date(kb):
    assert kb.role_at("kb:person/maxim-ryzhenkov", "2024-11-20") == "Minister of Foreign Affairs of Belarus"
    assert kb.role_at("kb:person/maxim-ryzhenkov", "2020-01-01") is None


def test_extension_dir_adds_and_overrides(tmp_path):
    (tmp_path / "organizations.yaml").write_text(
        "- {id: sco, en: [Shanghai Club], acr: [SCO]}\n- {id: test-forum, en: [Test Forum], acr: [TF]}\n", encoding="utf-8")
    (tmp_path / "persons.tsv").write_text(
        "id\tname\tnative_name\tcountry\twikidata\taliases\njane-roe\tJane Roe\tДжейн Роу\tGB\t\t\n", encoding="utf-8")
    (tmp_path / "terms.tsv").write_text(
        "person_id\toffice\trole\tcountry\tstart\tend\tsource\njane-roe\tother\tEnvoy\tGB\t2020-01-01\t\ttest\n",
        encoding="utf-8")
    data = KBData()
    _build_orgs(data, [DATA_DIR, tmp_path])
    _build_persons(data, [DATA_DIR, tmp_path])
    assert data.entities["kb:org/sco"]["name"] == "Shanghai Club"
    assert "kb:org/test-forum" in data.entities
    assert ("kb:person/jane-roe", "name", "") in data.index[fold("Джейн Роу")]
    assert "kb:person/sergey-lavrov" in data.entities
