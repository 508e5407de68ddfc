"""One pickled file of the cache, written so that readers never see half of it."""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any


def write_atomically(path: Path, obj: Any, stale: str) -> None:
    """Pickle ``obj`` to ``path`` through a temporary file of this process (concurrent writers never share one)
    and ``os.replace``; then remove the other files of the directory matching the glob ``stale`` (caches of
    older data, versions or formats). Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    for old in path.parent.glob(stale):
        if old != path:
            old.unlink(missing_ok=True)
