"""Peak memory and open files of a process and its children, sampled from Linux's /proc.

The kernel keeps a process's own high-water mark of memory (VmHWM), but not of a whole tree
(extraction workers are child processes) nor of open files: a thread samples the tree's summed
resident memory and descriptor count a few times a second, and keeps the largest of each.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path


def process_tree(pid: int) -> list[int]:
    """pid and its descendants that are alive now."""
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(child) for child in task.read_text().split()]
            except OSError:
                continue  # the thread or process ended meanwhile
    return tree


def resident_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def open_files(pid: int) -> int:
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return 0


@dataclass
class Peaks:
    """Sample `pid`'s tree every `interval` seconds from start() until stop()."""

    pid: int
    interval: float = 0.2
    rss: int = 0
    files: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> Peaks:
        self._thread = threading.Thread(target=self._run, name="peaks", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def sample(self) -> None:
        tree = process_tree(self.pid)
        self.rss = max(self.rss, sum(resident_bytes(pid) for pid in tree))
        self.files = max(self.files, sum(open_files(pid) for pid in tree))

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)
