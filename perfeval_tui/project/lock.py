"""The edit lock beside a project file (``FILE.lock``): one writer at a time.

A second window on the same file opens read-only and is told who holds the lock. A lock left by a
process that no longer exists (killed, SSH dropped) is taken over with a notice. No UI imports.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .storage import atomic_write_text


@dataclass(frozen=True, slots=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: str  # local time, "2024-05-23 09:30:00"
    started: str = ""  # boot id and start time of the process: a reused pid does not match

    def describe(self) -> str:
        return f"{self.user}@{self.host}（进程 {self.pid}，{self.since} 起）"

    def to_json(self) -> str:
        data = {"user": self.user, "host": self.host, "pid": self.pid, "since": self.since}
        data["started"] = self.started
        return json.dumps(data, ensure_ascii=False) + "\n"


def process_started(pid: int) -> str:
    """``<boot id>:<start time in clock ticks>`` of a running process, or "" where unknown.

    Together with the pid this names one process: after a reboot or a pid reuse it differs.
    """
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        boot = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""
    fields = stat.rsplit(")", 1)[-1].split()
    return f"{boot}:{fields[19]}" if len(fields) > 19 else ""


def holder_alive(holder: LockInfo) -> bool:
    """The process that wrote the lock still runs (same pid and, where known, same start)."""
    if not pid_alive(holder.pid):
        return False
    if holder.started:
        now = process_started(holder.pid)
        return not now or now == holder.started
    return True


@dataclass(frozen=True, slots=True)
class LockOutcome:
    """What happened when the lock was asked for; ``message`` is Chinese or empty."""

    acquired: bool
    holder: LockInfo | None = None  # who holds it, when not acquired
    taken_over: LockInfo | None = None  # the stale holder replaced, when acquired that way
    message: str = ""


def current_holder() -> LockInfo:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME/USER
        user = "未知用户"
    return LockInfo(
        user=user,
        host=socket.gethostname(),
        pid=os.getpid(),
        since=datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
        started=process_started(os.getpid()),
    )


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but another user's
        return True
    except OSError:
        return False
    return True


def lock_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def read_lock(lock_path: Path) -> LockInfo | None:
    """The holder written in a lock file, or None if it is missing or unreadable (a torn write)."""
    try:
        data = json.loads(lock_path.read_text(encoding="utf-8"))
        return LockInfo(
            str(data["user"]),
            str(data["host"]),
            int(data["pid"]),
            str(data["since"]),
            str(data.get("started", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


class ProjectLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock_path = lock_path_for(path)
        self.mine: LockInfo | None = None

    def acquire(self) -> LockOutcome:
        me = current_holder()
        name = self.path.name
        try:
            fd = os.open(self.lock_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            return self._contend(me, name)
        except OSError as exc:
            return LockOutcome(
                False,
                message=f"无法在「{self.lock_path.parent}」创建锁文件（{exc.strerror or exc}），"
                "本窗口以只读方式打开，修改不会保存",
            )
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(me.to_json())
        self.mine = me
        return LockOutcome(True)

    def _contend(self, me: LockInfo, name: str) -> LockOutcome:
        holder = read_lock(self.lock_path)
        same_host = holder is not None and holder.host == me.host
        if holder is not None and same_host and holder.pid == me.pid:
            self.mine = holder  # this process already holds it
            return LockOutcome(True)
        if holder is None or (same_host and not holder_alive(holder)):
            try:
                atomic_write_text(self.lock_path, me.to_json())
            except OSError as exc:
                return LockOutcome(
                    False,
                    holder,
                    message=f"无法接管锁文件（{exc.strerror or exc}），以只读方式打开",
                )
            self.mine = me
            who = holder.describe() if holder else "未知"
            return LockOutcome(
                True,
                taken_over=holder,
                message=f"上次编辑「{name}」的程序（{who}）已不在运行，已接管编辑锁",
            )
        return LockOutcome(
            False,
            holder,
            message=f"「{name}」正由 {holder.describe()} 编辑，本窗口以只读方式打开，修改不会保存",
        )

    def take_over(self) -> LockOutcome:
        """Take the lock from its holder after the user confirmed (the holder is named first)."""
        me = current_holder()
        holder = read_lock(self.lock_path)
        try:
            atomic_write_text(self.lock_path, me.to_json())
        except OSError as exc:
            return LockOutcome(False, holder, message=f"无法接管锁文件（{exc.strerror or exc}）")
        self.mine = me
        who = holder.describe() if holder else "未知"
        return LockOutcome(
            True, taken_over=holder, message=f"已从 {who} 接管「{self.path.name}」的编辑锁"
        )

    def release(self) -> None:
        """Remove the lock file if it is still ours (another process may have taken it over)."""
        if self.mine is None:
            return
        if read_lock(self.lock_path) == self.mine:
            with contextlib.suppress(OSError):
                self.lock_path.unlink()
        self.mine = None
