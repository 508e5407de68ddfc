"""Calendar arithmetic for TIMEX3 values: granularities, intervals, modifiers, shifts."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
UNIT_GRAN = {
    "Y": "year", "M": "month", "W": "week", "D": "day", "H": "time", "MIN": "time", "S": "time",
    "DE": "decade", "CE": "century", "Q": "quarter", "HY": "half", "WE": "week",
}


def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def iso_week(d: date) -> tuple[int, int]:
    y, w, _ = d.isocalendar()
    return y, w


def week_monday(y: int, w: int) -> date:
    return date.fromisocalendar(y, w, 1)


def fmt_year(y: int) -> str:
    if y <= 0:
        return f"BC{1 - y:04d}"
    return f"{y:04d}"


def value_of(gran: str, y: int | None, m: int | None = None, d: int | None = None, *, week: int | None = None,
             sub: str | None = None) -> str:
    """TIMEX3 value for a calendar unit; unknown parts become X."""
    ys = fmt_year(y) if y is not None else "XXXX"
    if gran == "day":
        return f"{ys}-{m:02d}-{d:02d}" if m and d else f"{ys}-{(f'{m:02d}' if m else 'XX')}-{(f'{d:02d}' if d else 'XX')}"
    if gran == "month":
        return f"{ys}-{m:02d}" if m else f"{ys}-XX"
    if gran == "year":
        return ys
    if gran == "week":
        return f"{ys}-W{week:02d}" if week else f"{ys}-WXX"
    if gran in ("quarter", "half", "season"):
        return f"{ys}-{sub}"
    if gran == "decade":
        return f"{y // 10:03d}" if y is not None else "XXX"
    if gran == "century":
        return f"{y // 100:02d}" if y is not None else "XX"
    return ys


def interval_of(gran: str, y: int | None, m: int | None = None, d: int | None = None, *, week: int | None = None,
                sub: str | None = None) -> tuple[date, date] | None:
    """Inclusive calendar bounds of a unit, or None when a needed part is unknown."""
    if y is None or y < 1 or y > 9999:
        return None
    try:
        if gran == "day":
            if not (m and d):
                return None
            x = date(y, m, d)
            return x, x
        if gran == "month":
            if not m:
                return None
            return date(y, m, 1), date(y, m, last_day(y, m))
        if gran == "year":
            return date(y, 1, 1), date(y, 12, 31)
        if gran == "week":
            if not week:
                return None
            s = week_monday(y, week)
            if sub == "WE":
                return s + timedelta(days=5), s + timedelta(days=6)
            return s, s + timedelta(days=6)
        if gran == "quarter" and sub:
            q = int(sub[1])
            m1 = 3 * (q - 1) + 1
            return date(y, m1, 1), date(y, m1 + 2, last_day(y, m1 + 2))
        if gran == "half" and sub:
            h = int(sub[1])
            return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
        if gran == "season" and sub in SEASON_MONTHS:
            a, b = SEASON_MONTHS[sub]
            if sub == "WI":
                return date(y, 12, 1), date(y + 1, 2, last_day(y + 1, 2))
            return date(y, a, 1), date(y, b, last_day(y, b))
        if gran == "decade":
            s = y - y % 10
            return date(max(s, 1), 1, 1), date(s + 9, 12, 31)
        if gran == "century":
            s = y - y % 100
            return date(max(s, 1), 1, 1), date(s + 99, 12, 31)
    except ValueError:
        return None
    return None


def apply_mod(iv: tuple[date, date] | None, mod: str | None) -> tuple[date, date] | None:
    """Narrow an interval for START/MID/END (thirds: 'Anfang Dezember' = 1-10 December)."""
    if iv is None or mod not in ("START", "MID", "END"):
        return iv
    s, e = iv
    n = (e - s).days + 1
    if n < 3:
        return iv
    third = n // 3
    if mod == "START":
        return s, s + timedelta(days=third - 1)
    if mod == "MID":
        return s + timedelta(days=third), s + timedelta(days=2 * third - 1)
    return s + timedelta(days=2 * third), e


def shift(gran: str, base: date, n: int) -> dict:
    """The unit ``n`` steps from the one containing ``base``: returns parts for value_of/interval_of."""
    if gran == "day":
        x = base + timedelta(days=n)
        return {"y": x.year, "m": x.month, "d": x.day}
    if gran == "week":
        x = base + timedelta(weeks=n)
        y, w = iso_week(x)
        return {"y": y, "week": w}
    if gran == "month":
        y, m = add_months(base.year, base.month, n)
        return {"y": y, "m": m}
    if gran == "quarter":
        q0 = (base.month - 1) // 3 + n
        y = base.year + q0 // 4
        return {"y": y, "sub": f"Q{q0 % 4 + 1}"}
    if gran == "half":
        h0 = (base.month - 1) // 6 + n
        return {"y": base.year + h0 // 2, "sub": f"H{h0 % 2 + 1}"}
    if gran == "year":
        return {"y": base.year + n}
    if gran == "decade":
        return {"y": base.year - base.year % 10 + 10 * n}
    if gran == "century":
        return {"y": base.year - base.year % 100 + 100 * n}
    return {"y": base.year}


def shift_date(base: date, unit: str, n: int) -> date:
    """``base`` moved by ``n`` units (Y, M, W, D, DE, CE, Q); month ends are clamped."""
    if unit == "D":
        return base + timedelta(days=n)
    if unit in ("W", "WE"):
        return base + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "HY": 6, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return base
    y, m = add_months(base.year, base.month, n * months)
    if y < 1 or y > 9999:
        return base
    return date(y, m, min(base.day, last_day(y, m)))
