"""Pasted rows on a table step: read them, show the preview, add them only when confirmed."""

from __future__ import annotations

from typing import Protocol

from textual.screen import Screen

from ..project.paste import PasteTable, apply_paste, read_paste
from ..project.workspace import Workspace
from .dialogs.paste_preview import PastePreview
from .host import require_host


class PasteHost(Protocol):
    """A step that takes pasted rows: its project, and what to show once they are in."""

    @property
    def ws(self) -> Workspace: ...

    async def rows_pasted(self, ids: list[str]) -> None: ...


def offer_paste(screen: Screen[None], host: PasteHost, table: PasteTable, text: str) -> None:
    """Open the preview of pasting ``text`` into ``table``; nothing changes unless confirmed."""
    ws = host.ws
    plan = read_paste(text, table, ws.project, ws.session.ruleset)

    async def add(yes: bool | None) -> None:
        if not yes:
            screen.notify("已取消粘贴，没有做任何修改。", timeout=3)
            return
        outcome = ws.restructure(lambda project: apply_paste(project, plan))
        if not outcome.ok:
            screen.notify(outcome.error or "", severity="warning")
            return
        require_host(screen.app).save_now()
        ids = [plan.fills.get(n, row.id) for n, row in enumerate(plan.rows)]
        await host.rows_pasted(ids)
        added = len(plan.rows) - len(plan.fills)
        filled = f"，填入 {len(plan.fills)} 行" if plan.fills else ""
        screen.notify(f"已新增 {added} 行{filled}（{plan.title}）。", timeout=4)

    def answered(yes: bool | None) -> None:
        # On the step's own message pump: the paste may have come through a field that showing
        # the new rows removes, and a widget cannot wait for its own removal.
        screen.call_later(add, yes)

    screen.app.push_screen(PastePreview(plan), answered)
