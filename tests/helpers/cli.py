"""Run `nianbao` in a subprocess, as a user does, and check how its user errors read."""

from __future__ import annotations

import subprocess
import sys


def nianbao(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args], capture_output=True, text=True, timeout=120, cwd=cwd
    )


def assert_one_line_error(result: subprocess.CompletedProcess, words: str) -> None:
    """A user error is one line on stderr holding `words`, exit status 2, never a traceback."""
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
