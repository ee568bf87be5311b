from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE_PORTAL = REPO / "crawler" / "sample_portal"


def shared_file(*parts: str) -> Path:
    """A file under ../shared, or a clean skip where the shared folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="session")
def sample_portal() -> Path:
    return SAMPLE_PORTAL
