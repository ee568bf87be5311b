"""Run `nianbao` in a subprocess, as a user does, and check how its user errors read."""

from __future__ import annotations

import subprocess
import sys

from .paths import REPO


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


def nianbao_as_extractor(
    version: int, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """`nianbao ARGS` in a process whose extractor says it is `version` (extract/version.py), as a
    later release of extract/ would: the constant is set before the command runs."""
    code = (
        f"import extract.version as v; v.EXTRACTOR_VERSION = {version}; from crawler.cli import main; main()"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300, cwd=REPO, env=env
    )
