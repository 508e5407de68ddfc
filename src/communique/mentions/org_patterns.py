"""Organisations by pattern: institution heads and words of the language ("Ministerium für ...",
"министерство ...").
"""

from __future__ import annotations

from functools import lru_cache

from communique.kb.build import slug
from communique.mentions.common import (
    Mention, _ACRONYM, _ACR_STOP, _Coverage, _ROMAN, _english_name, _sentence_initial, lang_lexicon, lexicon_finditer,
    mentions_data)


class OrgPatterns:
    """Mixed into :class:`communique.mentions.linker.MentionLinker`; uses its state."""

    def _pattern_orgs(self, text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
        """Organisations the KB does not know: head-noun names, institution words, acronyms."""
        lex = lang_lexicon(lang)
        taken = _Coverage(mentions)
        out: list[Mention] = []

        def add(s: int, e: int, word: bool = False) -> None:
            while e > s and text[e - 1] in ".,;:-'’":
                e -= 1
            if e - s < 2 or taken.overlaps(s, e):
                return
            surface = text[s:e]
            base = ru_org_word(surface) if word else None
            if base and surface[:1].isupper():
                base = base[:1].upper() + base[1:]  # "Полиции": "Politsiya", as the surface writes it
            name = _english_name(base or surface, lang, person=False)
            out.append(Mention(s, e, f"new:organization/{slug(name)}", "pattern", "organization", name=name))
            taken.add(s, e)

        if lex.get("org_re") is not None:
            for m in lexicon_finditer(lex, "org_re", text):
                add(*m.span())
        if lang == "ru":  # natasha finds the rest; institution nouns only
            if lex.get("org_words_re") is not None:
                for m in lex["org_words_re"].finditer(text):
                    add(*m.span(), True)  # s19: "МИДа", "МИДе" are one "MID" (ru_org_word)
            return out
        if lex.get("org_words_re") is not None:
            for m in lexicon_finditer(lex, "org_words_re", text):
                if not _sentence_initial(text, m.start()) or lang != "de":
                    add(*m.span())
        capital_lines: dict[int, bool] = {}  # line start -> the line is in capitals (tested once per line)
        for m in _acronyms(text):
            w = m.group(0)
            if w in _ACR_STOP or _ROMAN.fullmatch(w):
                continue
            line_s = text.rfind("\n", 0, m.start()) + 1
            if line_s not in capital_lines:
                line_e = text.find("\n", m.end())
                line = text[line_s:line_e if line_e >= 0 else len(text)]
                letters = list(filter(str.isalpha, line))
                capital_lines[line_s] = bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.6
            if capital_lines[line_s]:
                continue  # a headline or a line in capitals
            add(*m.span())
        return out


# s20 (kb20): _ACRONYM.finditer tried a match at every capital (German writes every noun so: 12 M instructions of
# the timed German). An acronym is a run of three to six of its capitals, and only the run's first letter can start
# one (a capital is a word character, which the pattern's look-behind refuses before the first). So the runs of
# three capitals or more are found in a byte mask of the text (capital -> "A", anything else -> "a"; a character
# beyond Latin-1, none of which is one of the capitals, -> "?" -> "a") and the pattern matched at each run's start.
_CAPS_MASK = bytes(65 if _ACRONYM.match(chr(c) * 3) else 97 for c in range(256))


def _acronyms(text: str) -> list:
    """The matches of ``_ACRONYM.finditer(text)``, in order."""
    mask = text.encode("latin-1", "replace").translate(_CAPS_MASK)
    out = []
    find = mask.find
    i = find(b"AAA")
    while i >= 0:
        m = _ACRONYM.match(text, i)
        if m is not None:
            out.append(m)
        j = find(b"a", i + 3)  # the run's end
        if j < 0:
            break
        i = find(b"AAA", j)
    return out


@lru_cache(maxsize=4096)
def ru_org_word(surface: str) -> str | None:
    """The word of the Russian ``org_words`` list that ``surface``, a match of ``org_words_re``, is a case form of
    ("МИДа", "МИДе": "МИД"; "мэрии": "мэрия"), the longest that fits, as the pattern takes them (mentions/common.py):
    a lower-case word ending in о/а/я/ь changes that letter, any other word takes up to two letters more. (Memoised:
    a pure function of the surface, at most a few thousand institution-word forms.)"""
    low = surface.lower()
    stems = _ru_org_stems()
    found = [w for cut in range(4) if cut < len(low) and (w := stems.get(low[:len(low) - cut]))]
    return max(found, key=len) if found else None


@lru_cache(maxsize=1)
def _ru_org_stems() -> dict[str, str]:
    """Stem -> the longest ``org_words`` word with that stem (the stem: less a final о/а/я/ь of a lower-case word)."""
    out: dict[str, str] = {}
    for w in map(str, mentions_data("ru").get("org_words") or ()):
        stem = w.lower()[:-1] if w[-1] in "оаяь" and w.islower() else w.lower()
        if len(w) > len(out.get(stem, "")):
            out[stem] = w
    return out
