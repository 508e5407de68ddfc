"""Review fixes of the German organisation pass (s10, ``mentions/orgs_de.py``). Sentences are invented
for these tests."""

import time

from mentions.conftest import NOT_NAMES, found_in


def orgs(linker, text, lang="de"):
    return {w for w, t in found_in(linker, text, lang, NOT_NAMES) if t == "organization"}


def test_two_organisations_joined_by_und_stay_two(linker):
    got = orgs(linker, "Gestern haben der Bundesverband der Deutschen Industrie und der Landesverband der Bäcker einen Brief geschickt .")
    assert "Bundesverband der Deutschen Industrie" in got
    assert not any("und der" in w for w in got)
    got = orgs(linker, "Künftig teilen sich das Bundesamt für Migration und Flüchtlinge und die Bundespolizei die Akten .")
    assert {"Bundesamt für Migration und Flüchtlinge", "Bundespolizei"} <= got
    got = orgs(linker, "Im Frühjahr prüften das Bundesministerium der Finanzen sowie der Bundesrechnungshof die Ausgaben .")
    assert {"Bundesministerium der Finanzen", "Bundesrechnungshof"} <= got
    # "und" before a capitalised noun still continues the name
    got = orgs(linker, "Sie lehrt an der Hochschule für Technik und Gestaltung in Mannheim .")
    assert "Hochschule für Technik und Gestaltung" in got
