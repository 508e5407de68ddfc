from datetime import datetime, timezone

import pytest
from hypothesis import given, strategies as st

from communique.errors import IngestError
from communique.ingest.base import ReadOptions
from communique.ingest.telegram_html import parse_title_date

from ingest_helpers import FIXTURES, read_all, snapshot


def test_export_pages_golden(golden):
    for name in ("messages", "messages2"):
        docs, bad, skipped = read_all(FIXTURES / "tg_html_export" / f"{name}.html")
        golden(f"tg_html_{name}", snapshot(docs, bad, skipped))


def test_export_page_facts():
    docs, bad, skipped = read_all(FIXTURES / "tg_html_export" / "messages.html")
    by_id = {d.id: d for d in docs}
    assert not bad
    assert skipped == {"date-divider": 1, "service": 1, "empty": 1}
    first = by_id["tg:Embassy_Press_Office_(test):10"]
    assert first.published == datetime(2024, 11, 20, 7, 15, 2, tzinfo=timezone.utc)
    assert first.text == ("Посол России в Германии встретился с статс-секретарём МИД ФРГ.\n\n"
                          "Обсуждались вопросы консульской работы. Подробнее")
    assert first.meta["links"] == ["https://example.org/ru/news/10"]
    # a "joined" message has no from_name: the sender carries over
    joined = by_id["tg:Embassy_Press_Office_(test):11"]
    assert joined.meta["from"] == "Embassy Press Office (test)" and joined.meta["reply_to"] == 10
    fwd = by_id["tg:Embassy_Press_Office_(test):13"]
    assert fwd.meta["forwarded"] is True and fwd.meta["forwarded_from"] == "Foreign Ministry (test)"
    assert fwd.meta["forwarded_date"] == "2024-11-20T20:10:00+00:00"
    assert fwd.text == "The minister will visit Berlin on 2 December for consultations."


def test_title_without_offset_is_flagged():
    docs, _, _ = read_all(FIXTURES / "tg_html_export" / "messages2.html")
    assert docs[0].meta["time_assumed_utc"] is True


def test_source_name_is_the_key():
    docs, _, _ = read_all(FIXTURES / "tg_html_export" / "messages2.html", options=ReadOptions(source_name="embassy"))
    assert docs[0].id == "tg:embassy:14" and docs[0].channel == "embassy"


def test_page_without_messages_is_a_clear_error():
    with pytest.raises(IngestError, match="tg_html_no_messages.html.*no messages"):
        read_all(FIXTURES / "tg_html_no_messages.html")


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)).map(lambda d: d.replace(microsecond=0)),
       st.integers(min_value=-12 * 60, max_value=14 * 60).map(lambda m: m - m % 15))
def test_title_dates_round_trip(dt, offset_minutes):
    sign = "+" if offset_minutes >= 0 else "-"
    hh, mm = divmod(abs(offset_minutes), 60)
    title = f"{dt:%d.%m.%Y %H:%M:%S} UTC{sign}{hh:02d}:{mm:02d}"
    parsed, assumed = parse_title_date(title)
    from datetime import timedelta
    assert not assumed
    assert parsed == (dt - timedelta(minutes=offset_minutes)).replace(tzinfo=timezone.utc)
