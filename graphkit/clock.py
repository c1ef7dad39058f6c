"""The time an extraction run is stamped with: now, or SOURCE_DATE_EPOCH for reproducible builds."""

from __future__ import annotations

import os
from datetime import datetime, timezone


def run_timestamp() -> str:
    """ISO 8601 UTC, to the second; SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/)
    replaces the clock when it is set and not empty.

    >>> os.environ["SOURCE_DATE_EPOCH"] = "1000000000"; run_timestamp()   # doctest: +SKIP
    '2001-09-09T01:46:40+00:00'
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    try:
        return datetime.fromtimestamp(int(epoch), timezone.utc).isoformat()
    except (ValueError, OverflowError, OSError):
        raise ValueError(f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds since 1970-01-01 UTC; "
                         "unset it, or set it e.g. to $(git log -1 --format=%ct)") from None
