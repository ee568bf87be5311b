from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE_PORTAL = REPO / "crawler" / "demo" / "sample_portal"


def shared_file(*parts: str) -> Path:
    """A file under ../shared, or a clean skip where the shared folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="session")
def sample_portal() -> Path:
    return SAMPLE_PORTAL


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory) -> Path:
    """A database built once per run by the real `nianbao demo`; tests only read it."""
    from .datasette_server import build_demo

    return build_demo(tmp_path_factory.mktemp("demo") / "reports.db")
