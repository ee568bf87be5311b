"""The linter is part of the test command: `pytest` fails where ruff would, and shows ruff's report."""

import subprocess
import sys

import pytest

from .helpers.paths import REPO

CHECKED = ["crawler", "extract", "tests"]


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_ruff(command):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, *CHECKED],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    if result.returncode != 0:
        pytest.fail(
            f"ruff {' '.join(command)} {' '.join(CHECKED)}:\n{result.stdout}{result.stderr}", pytrace=False
        )
