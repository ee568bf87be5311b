"""Where the tests find the checkout, the shared data beside it and the bundled sample portal."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# Seed reports, the real-page corpus and the indicator spec live beside the checkout, not in it.
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLE_PORTAL = REPO / "crawler" / "demo" / "sample_portal"
# A second small portal (a county government's), served beside the sample portal in registry tests.
COUNTY_SITE = REPO / "tests" / "portals" / "county_site"


def shared_file(*parts: str) -> Path:
    """A file under ../shared, or a clean skip where the shared folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path
