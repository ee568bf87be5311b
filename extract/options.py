"""The one options object passed through every extraction stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    # Fold Traditional pages into Simplified (only pages detected as Traditional).
    fold_traditional: bool = True
    # Remove injected keyword lists and garbage tags; findings are recorded either way.
    strip_spam: bool = True
    # Read statistics tables; off when only text and metadata are wanted.
    read_tables: bool = True
