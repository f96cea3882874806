"""Paint first, then validate: step 1 drawn from the file's JSON, the models built after.

``launch`` reads the file without the models (:func:`~perfeval_tui.project.rawfile.read_project_data`)
and hands it to the app as a :class:`PendingLoad`. Step 1 (基本情况) shows the basics from that
JSON; right after its first paint a thread validates and scores the file (pydantic, the rule set,
the engine), and the app then takes the edit lock and attaches the project to the screen.

Until then nothing is applied or saved: what the user types into step 1 stays in its field and
goes through the edit session once the project is ready, as if typed then (typing over a slow
link is never dropped, and a value the rules refuse gets its message as usual). A file that
fails validation ends the wizard with the same Chinese message and exit code as before the
screen was drawn, and is never written to (the lock is taken only after validation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..project.workspace import Workspace
    from ..scoring.engine import ProjectScore
    from ..scoring.model import Project

PENDING_TEXT = "正在检查项目文件，检查完成后即可编辑和保存…"


@dataclass
class PendingLoad:
    """A project file read but not yet validated, and the outcome of its validation."""

    path: Path
    data: dict[str, Any]
    error: str | None = None  # the Chinese message when validation refused the file
    typed: dict[str, str] = field(default_factory=dict)  # field -> text shown from the JSON

    def basics_text(self, name: str) -> str:
        """The text of a basics field as the file holds it ('' when absent or not printable)."""
        basics = self.data.get("basics")
        value = basics.get(name) if isinstance(basics, dict) else None
        if value is None or isinstance(value, (dict, list, bool)):
            return ""
        text = str(value)
        # A control or bidi character would reach the terminal as is; validation names it.
        return text if text.isprintable() else ""

    @property
    def ruleset(self) -> str:
        value = self.data.get("ruleset")
        return value if isinstance(value, str) else ""


def validate(path: Path, data: dict[str, Any]) -> tuple[Project, ProjectScore] | str:
    """Validate and score the file (in a worker thread): the project, or its Chinese message."""
    from ..project.storage import ProjectFileError, parse_file_data

    try:
        return parse_file_data(path, data)
    except ProjectFileError as exc:
        return str(exc)


def open_validated(path: Path, project: Project, result: ProjectScore) -> Workspace:
    """The workspace of the validated project, with its edit lock (on the app's own thread)."""
    from ..project.workspace import workspace_for

    return workspace_for(path, project, result)
