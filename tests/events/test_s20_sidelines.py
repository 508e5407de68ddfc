"""s20: a meeting "on the sidelines of" a summit is the news; the summit is its setting. The meeting is the
sentence's main event, the summit stays an event of its own (and gives the meeting its organisation and place)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from communique.documents import Document

_PUB = datetime(2025, 11, 21, tzinfo=timezone.utc)


@pytest.mark.parametrize("lang,text,kind,org", [
    ("en", "On the sidelines of the G20 summit in Johannesburg, Emmanuel Macron met with Chinese Premier Li Qiang.",
     "meeting", "kb:org/g20"),
    ("ru", "На полях саммита ШОС в Тяньцзине Владимир Путин встретился с премьер-министром Индии Нарендрой Моди.",
     "meeting", "kb:org/sco"),
    ("de", "Am Rande des NATO-Gipfels in Vilnius traf Olaf Scholz den türkischen Präsidenten Recep Tayyip Erdoğan.",
     "meeting", "kb:org/nato"),
    ("fr", "En marge du sommet du G20 à Johannesburg, Emmanuel Macron a rencontré le président sud-africain Cyril "
           "Ramaphosa.", "meeting", "kb:org/g20"),
])
def test_the_meeting_on_the_sidelines_is_the_main_event(pipeline, lang, text, kind, org):
    evs = pipeline.process(Document(id="t", text=text, source="test", lang=lang, published=_PUB))["events"]
    main = [e for e in evs if e.get("main")]
    assert [e["kind"] for e in main] == [kind]
    assert org in main[0]["organizations"]
    assert any(e["kind"] == "summit" for e in evs)
