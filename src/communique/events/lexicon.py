"""Per-language event lexicons: triggers, status cues, clause breaks, anaphora, document heads.

Each language is one data file, ``data/lang/<iso>/events.yaml``; this module compiles it
once per process into a handful of regular expressions. Adding a language is adding a file.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import re

try:  # the standard library's own regex parser (3.11+), to find the characters a pattern starts with
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover - older layout
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

import regex
import yaml

from communique.errors import ExtractionError

log = logging.getLogger(__name__)

LANGS = ("de", "en", "ru", "fr", "es")
CUE_NAMES = ("planned", "occurred", "cancelled", "postponed", "denied", "arranged", "expected", "possible",
             "negated", "historical")
_FLAGS = re.IGNORECASE | re.UNICODE


class LexiconError(ExtractionError):
    """An events.yaml file is missing or invalid."""


@dataclass(slots=True)
class Trigger:
    name: str
    kind: str
    type: str | None
    mode: str | None = None
    frame: bool = False
    direction: str = "none"  # visit | subject | none
    documents: bool = False
    statement: bool = False
    weight: float = 0.7
    place_actor: bool = False  # no actor named: the place is the actor (protesters in Paris: France)
    # an outcome or state rather than an act ("three dead", "the detainees"): never the sentence's
    # main event while another event is there
    secondary: bool = False
    # the trigger word counts only with one of these near it (``near``: "summoned" is a diplomatic protest only
    # with an ambassador near it) and none of these in the 60 characters after it (``not_followed``: "summoned the
    # former ambassador to testify")
    near: Any = None
    not_followed: Any = None
    # the envoy must be the trigger's own object or passive subject (s19 fix F1): ``object`` is matched at the
    # trigger's start ("summoned the Hungarian ambassador", "вызвал посла"), ``subject`` must end at the trigger's
    # end ("the ambassador of Azerbaijan was summoned"); each has a group ``envoy`` at the envoy word
    object_re: Any = None
    subject_re: Any = None


@dataclass(slots=True)
class Lexicon:
    lang: str
    triggers: dict[str, Trigger]
    trigger_re: regex.Pattern
    cue_re: regex.Pattern | None
    special_re: regex.Pattern | None
    break_re: regex.Pattern | None
    anaphora_plural: regex.Pattern | None
    anaphora_singular: regex.Pattern | None
    definite_re: regex.Pattern | None
    indefinite_re: regex.Pattern | None
    frame_ref_re: regex.Pattern | None
    with_re: regex.Pattern | None
    locative_re: regex.Pattern | None
    against_re: regex.Pattern | None
    background_re: regex.Pattern | None
    doc_head_re: regex.Pattern | None
    coordinators: frozenset[str] = field(default_factory=frozenset)
    hard_stops: frozenset[str] = field(default_factory=frozenset)
    # PLOVER modes by type, each with cue patterns searched in the event's clause, first match wins
    type_modes: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    # trigger_re's group names -> "t_<trigger>" (the first-character dispatch numbers its groups)
    trigger_groups: dict[str, str] = field(default_factory=dict)
    # the main clause's head verb over an event noun in its subject ("Las manifestaciones ... reclaman"):
    # a word right before a trigger that makes it a noun (articles, determiners, prepositions), and the
    # finite verb forms a trigger's first word may have (optional, per language)
    nominal_re: regex.Pattern | None = None
    finite_re: regex.Pattern | None = None
    finite_trigger_re: regex.Pattern | None = None  # finite forms that nouns share ("exigía" / "día"): in a trigger only
    subordinator_re: regex.Pattern | None = None
    # a secondary trigger (a participle) right after one of these is a passive or perfect act, not a state
    act_aux_re: regex.Pattern | None = None  # "que", "donde": a verb after one is not the head verb
    # words right before a trigger of one type that make its event the setting of another: "En una
    # reunión con periodistas, el presidente anunció ..." (a locative phrase: the meeting is where)
    background_by_type: dict[str, regex.Pattern] = field(default_factory=dict)
    # the principal clause after a subordinate or relative clause that opens the sentence ("Los
    # campesinos que marcharon ayer exigen ..."): coordinators end the search ("que marcharon y
    # exigen"); a trigger word right after a clitic is a finite verb ("les pide", "se opone")
    coordinator_re: regex.Pattern | None = None
    clitic_re: regex.Pattern | None = None
    object_clitic_re: regex.Pattern | None = None  # "lo", "la", "los", "las": an article or an object pronoun
    preterite_re: regex.Pattern | None = None      # ... a pronoun before these verb endings ("los desalojó")
    pronoun_re: regex.Pattern | None = None  # subject pronouns ("he", "er", "он"): a frame's actor in its sentence
    topic_re: regex.Pattern | None = None  # "on", "о", "über": a place after one is a topic, no venue
    attend_re: regex.Pattern | None = None  # "take part", "teilzunehmen", "участия": a visit's purpose is a gathering
    # a country or place inside a topic phrase ("on the situation in Syria", "по сирийскому урегулированию") is
    # neither a side nor the venue: a phrase that ends right before its name, or one that starts right after it
    topic_before_re: regex.Pattern | None = None
    topic_after_re: regex.Pattern | None = None
    # gender (s19): a pronoun's ("she", "она", "sie" with a singular verb) and the cues to a person's, before the name
    # ("Außenministerin", "la ministre", "Ms"), in a new person's role, or right after the name ("Захарова заявила")
    pron_gender: dict[str, Any] = field(default_factory=dict)   # "f"/"m" -> regex matched at the pronoun
    title_gender: dict[str, Any] = field(default_factory=dict)  # "f"/"m" -> regex searched up to the name
    after_gender: dict[str, Any] = field(default_factory=dict)  # "f"/"m" -> regex matched right after the name
    # a possessive before a visit noun ("during his visit"): the people named with the meeting before it are its sides
    visit_possessive_re: regex.Pattern | None = None
    addressee_re: regex.Pattern | None = None  # "your" right before a visit noun: the addressee's visit
    invitation_re: regex.Pattern | None = None  # "invited X to visit": the invitee's visit
    # a title that ends right before a place ("Mayor of Kharkiv", "мэр Харькова"): the place is the title's, no venue
    place_title_re: regex.Pattern | None = None
    topic_bare_re: regex.Pattern | None = None  # a preposition alone ("talks about Syria"): undirected events only

    def trigger_of(self, group: str) -> Trigger:
        return self.triggers[self.trigger_groups.get(group, group)[2:]]


def _compile(body: str):
    """The standard library's engine is faster on these alternations; ``regex`` if it must."""
    try:
        return re.compile(body, _FLAGS)
    except re.error:
        return regex.compile(body, regex.IGNORECASE | regex.UNICODE | regex.V0)


def _compile_list(patterns: list[str] | None, *, wrap: bool = True):
    if not patterns:
        return None
    if wrap:
        return _compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?!\w)")
    return _compile("|".join(f"(?:{p})" for p in patterns))


def _named(groups: dict[str, list[str]], *, wrap: bool = True):
    parts = []
    for name, pats in groups.items():
        if not pats:
            continue
        body = "|".join(f"(?:{p})" for p in pats)
        parts.append(f"(?P<{name}>{body})")
    if not parts:
        return None
    if wrap:  # one word-start test for the whole alternation
        return _compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")
    return _compile("|".join(parts))


def _first_chars(items) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with (None: any) and whether it can match empty."""
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            return out | {chr(av)}, False
        if op is _c.IN:
            chars: set[str] = set()
            for kind, val in av:
                if kind is _c.LITERAL:
                    chars.add(chr(val))
                elif kind is _c.RANGE and val[1] - val[0] <= 256:
                    chars.update(chr(c) for c in range(val[0], val[1] + 1))
                else:  # NEGATE, CATEGORY (\w, \s), a wide range: anything
                    return None, False
            return out | chars, False
        if op is _c.SUBPATTERN:
            f, empty = _first_chars(av[-1])
        elif op is _c.BRANCH:
            f, empty = set(), False
            for alt in av[1]:
                fa, ea = _first_chars(alt)
                if fa is None:
                    return None, False
                f |= fa
                empty = empty or ea
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            f, empty = _first_chars(av[2])
            empty = empty or av[0] == 0
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero width: the next item starts the match
            continue
        else:
            return None, False
        if f is None:
            return None, False
        out |= f
        if not empty:
            return out, False
    return out, True


def _dispatched(groups: dict[str, list[str]]) -> tuple[Any, dict[str, str]] | None:
    """The trigger alternation split by first character: at a word start only the patterns that can
    begin with that character are tried, in their file order, so the first pattern that matches is
    the same as in the plain alternation ("the first trigger in the file wins"), at a fraction of
    the cost. Group names get a bucket suffix; returns (regex, group name -> trigger group)."""
    pats: list[tuple[str, str, set[str] | None]] = []
    for name, ps in groups.items():
        for p in ps:
            try:
                f, empty = _first_chars(_p.parse(p, _FLAGS))
            except Exception:  # any surprise in the parser: the plain alternation
                log.debug("no first-character dispatch for pattern %r", p)
                return None
            pats.append((name, p, None if empty else f))
    keys = sorted({c.lower() for _, _, f in pats if f for c in f})
    branches, names = [], {}
    for i, key in enumerate(keys + [None]):
        chosen = [(n, p) for n, p, f in pats if f is None or (key is not None and key in {c.lower() for c in f})]
        if key is None:  # a character no bucket takes: only the patterns that may start with anything
            chosen = [(n, p) for n, p, f in pats if f is None]
        if not chosen:
            continue
        parts, run = [], None
        for n, p in chosen:  # consecutive patterns of one trigger share a group
            if run is None or run[0] != n:
                run = (n, [])
                parts.append(run)
            run[1].append(p)
        body = "|".join(f"(?P<{n}__{i}>" + "|".join(f"(?:{p})" for p in ps) + ")" for n, ps in parts)
        names.update({f"{n}__{i}": n for n, _ in parts})
        head = f"(?=[{re.escape(key)}])" if key is not None else ""
        branches.append(f"{head}(?:{body})")
    try:
        return re.compile(r"(?<!\w)(?:" + "|".join(branches) + r")(?!\w)", _FLAGS), names
    except re.error:
        return None


def load_data(lang: str) -> dict[str, Any]:
    try:
        raw = resources.files("communique").joinpath("data").joinpath("lang").joinpath(lang).joinpath("events.yaml").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise LexiconError(f"no event lexicon for language {lang!r}") from exc
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise LexiconError(f"events.yaml for {lang!r} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("triggers"), dict):
        raise LexiconError(f"events.yaml for {lang!r} has no 'triggers' mapping")
    return data


@functools.lru_cache(maxsize=None)
def get_lexicon(lang: str) -> Lexicon:
    data = load_data(lang)
    triggers: dict[str, Trigger] = {}
    groups: dict[str, list[str]] = {}
    for name, spec in data["triggers"].items():
        try:
            trig = Trigger(
                name=name, kind=spec["kind"], type=spec.get("type"), mode=spec.get("mode"),
                frame=bool(spec.get("frame", False)), direction=spec.get("direction", "none"),
                documents=bool(spec.get("documents", False)), statement=bool(spec.get("statement", False)),
                weight=float(spec.get("weight", 0.7)), place_actor=bool(spec.get("place_actor", False)),
                secondary=bool(spec.get("secondary", False)),
                near=_compile_list(spec.get("near")),
                not_followed=_compile_list(spec.get("not_followed")),
                object_re=_compile_list(spec.get("object"), wrap=False),
                subject_re=(_compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in spec["subject"]) + r")\Z")
                            if spec.get("subject") else None),
            )
        except (KeyError, TypeError) as exc:
            raise LexiconError(f"{lang}/events.yaml: trigger {name!r} is incomplete: {exc}") from exc
        except (re.error, regex.error) as exc:
            raise LexiconError(f"{lang}/events.yaml: trigger {name!r}: bad pattern: {exc}") from exc
        triggers[name] = trig
        groups[f"t_{name}"] = list(spec.get("patterns") or [])
    try:
        dispatched = _dispatched({k: v for k, v in groups.items() if v})
        if dispatched is not None:
            trigger_re, trigger_groups = dispatched
        else:
            trigger_re, trigger_groups = _named(groups), {}
        cues = data.get("cues") or {}
        # two scans, so that a tense ("a été reportée") cannot hide a postponement inside it
        special = ("cancelled", "postponed", "denied", "arranged", "expected", "possible", "historical", "negated")
        cue_re = _named({c: cues.get(c) or [] for c in ("planned", "occurred")})
        special_re = _named({c: cues.get(c) or [] for c in special})
        breaks = {"rel": data.get("relative_breaks") or [], "brk": data.get("clause_breaks") or [],
                  "purpose": data.get("purpose_breaks") or []}
        break_re = _named(breaks, wrap=False)
        ana = data.get("anaphora") or {}
        preps = data.get("prepositions") or {}
        docs = data.get("documents") or {}
        topics = data.get("topic_phrases") or {}
        gender = data.get("gender") or {}
        lex = Lexicon(
            lang=lang,
            triggers=triggers,
            trigger_re=trigger_re,
            cue_re=cue_re,
            special_re=special_re,
            break_re=break_re,
            anaphora_plural=_compile_list(ana.get("plural")),
            anaphora_singular=_compile_list(ana.get("singular")),
            definite_re=_compile_list(ana.get("definite")),
            indefinite_re=_compile_list(ana.get("indefinite")),
            frame_ref_re=_compile_list(ana.get("frame_refs")),
            with_re=_compile_list(preps.get("with")),
            locative_re=_compile_list(preps.get("locative")),
            against_re=_compile_list(preps.get("against")),
            # words right before a trigger that make its event a cause, object or frame of another
            # ("after the arrest", "in protest at the killing", "during the march"): not the main event
            # ... unless a pronoun stands for the earlier clause ("tras lo cual se retiró", "por eso
            # marcharon": the trigger is the main act)
            background_re=(_compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in data["background"]) + r")"
                                    + (r"(?!\s+(?:" + "|".join(f"(?:{p})" for p in data["background_not_before"])
                                       + r")(?!\w))" if data.get("background_not_before") else "")
                                    # (up to two words between, and a compound's first part: "am Rande des NATO-Gipfels")
                                    + r"\s+(?:\w+\s+){0,2}(?:\w+-)?$") if data.get("background") else None),
            doc_head_re=_compile_list(docs.get("heads")),
            coordinators=frozenset(w.lower() for w in docs.get("coordinators") or []),
            hard_stops=frozenset(w.lower() for w in docs.get("hard_stops") or []),
            type_modes={typ: [(mode, _compile_list(pats)) for mode, pats in (modes or {}).items() if pats]
                        for typ, modes in (data.get("type_modes") or {}).items()},
            trigger_groups=trigger_groups,
            nominal_re=_compile_list((data.get("main_verb") or {}).get("nominal_before")),
            finite_re=_compile_list((data.get("main_verb") or {}).get("finite")),
            finite_trigger_re=_compile_list((data.get("main_verb") or {}).get("finite_in_trigger")),
            subordinator_re=_compile_list((data.get("main_verb") or {}).get("subordinators")),
            coordinator_re=_compile_list((data.get("main_verb") or {}).get("coordinators")),
            clitic_re=_compile_list((data.get("main_verb") or {}).get("clitics")),
            object_clitic_re=_compile_list((data.get("main_verb") or {}).get("object_clitics")),
            preterite_re=_compile_list((data.get("main_verb") or {}).get("preterite")),
            pronoun_re=_compile_list(data.get("subject_pronouns")),
            topic_re=_compile_list(preps.get("topic")),
            attend_re=_compile_list(data.get("attend")),
            topic_before_re=(_compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in topics["before"])
                                      + r")(?:\s+|(?<=['’]))$") if topics.get("before") else None),
            topic_bare_re=(_compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in topics["bare"])
                                    + r")(?:\s+|(?<=['’]))$") if topics.get("bare") else None),
            pron_gender={g[0]: _compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in pats) + r")(?!\w)")
                         for g, pats in (gender.get("pronouns") or {}).items() if pats},
            title_gender={g[0]: _compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in pats) + r")[\s,]*$")
                          for g, pats in (gender.get("titles") or {}).items() if pats},
            after_gender={g[0]: _compile(r"\s*(?:" + "|".join(f"(?:{p})" for p in pats) + r")(?!\w)")
                          for g, pats in (gender.get("after") or {}).items() if pats},
            visit_possessive_re=(_compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in data["visit_possessives"])
                                          + r")(?:\s+[\w-]+){0,2}\s+$") if data.get("visit_possessives") else None),
            addressee_re=(_compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in data["addressee_possessives"])
                                   + r")(?:\s+[\w-]+){0,2}\s+$") if data.get("addressee_possessives") else None),
            invitation_re=_compile_list(data.get("visit_invitation")),
            place_title_re=(_compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in data["place_titles"]) + r")\s*\Z")
                            if data.get("place_titles") else None),
            topic_after_re=(_compile(r"[\s\-–]*(?:" + "|".join(f"(?:{p})" for p in topics["after"]) + r")(?!\w)")
                            if topics.get("after") else None),
            act_aux_re=(_compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in data["act_auxiliaries"]) + r")\s+$")
                        if data.get("act_auxiliaries") else None),
            background_by_type={typ: _compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in pats) + r")\s+(?:\w+\s+){0,2}$")
                                for typ, pats in (data.get("background_by_type") or {}).items() if pats},
        )
    except (re.error, regex.error) as exc:
        raise LexiconError(f"{lang}/events.yaml: bad pattern: {exc}") from exc
    log.debug("event lexicon %s: %d triggers", lang, len(triggers))
    return lex


def available_languages() -> list[str]:
    out = []
    for lang in LANGS:
        try:
            load_data(lang)
        except LexiconError:
            continue
        out.append(lang)
    return out


@functools.lru_cache(maxsize=1)
def data_version() -> str:
    """A short hash of every language's events.yaml: part of an extractor version, so that
    stored extractions are redone when the event lexicons change."""
    import hashlib

    h = hashlib.sha256()
    for lang in LANGS:
        try:
            path = resources.files("communique").joinpath("data").joinpath("lang").joinpath(lang).joinpath("events.yaml")
            h.update(lang.encode())
            h.update(path.read_bytes())
        except (FileNotFoundError, OSError):
            continue
    return h.hexdigest()[:10]
