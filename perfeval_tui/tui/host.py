"""What a screen may ask of the wizard app, and what the app may ask of a screen, as Protocols.

Screens and dialogs never import the app module: they reach it through :func:`wizard_host`, so
the app can import every screen without an import cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.app import App

if TYPE_CHECKING:  # the models are imported after the first paint
    from ..project.workspace import Workspace
    from .deferred import PendingLoad


@runtime_checkable
class WizardHost(Protocol):
    """The wizard app as its screens see it: the open project, step changes and saving."""

    workspace: Workspace | None
    pending: PendingLoad | None  # a file shown before it is validated (see .deferred)
    linux: bool
    told_read_only: bool
    pending_indicator: str | None

    def open_workspace(self, workspace: Workspace) -> None: ...
    def goto_step(self, key: str) -> None: ...
    def show_indicator(self, indicator_id: str) -> None: ...
    def schedule_save(self) -> None: ...
    def save_now(self, *, force: bool = False, announce: bool = False) -> None: ...
    def open_simulation(self) -> None: ...
    def settle_memory(self) -> None: ...
    def validate_pending(self) -> None: ...
    def remember_position(self) -> None: ...


@runtime_checkable
class FocusContext(Protocol):
    """A screen that knows which indicator and which rule the user is on."""

    def focused_indicator_id(self) -> str | None: ...
    def rule_for_focus(self) -> str | None: ...


@runtime_checkable
class SeekActions(Protocol):
    """A screen with goal seek of its own (the sandbox)."""

    def action_seek(self) -> None: ...
    def action_seek_total(self) -> None: ...


@runtime_checkable
class AwaitsProject(Protocol):
    """A step drawn before its project was validated: shows the project once it is."""

    def attach_project(self) -> None: ...


@runtime_checkable
class PendingIndicator(Protocol):
    """A screen that can open the indicator the app has queued for it."""

    def take_pending_indicator(self) -> bool: ...


def wizard_host(app: App[object]) -> WizardHost | None:
    """The app as a :class:`WizardHost`, or None when the screen runs in another app (quiz)."""
    return app if isinstance(app, WizardHost) else None


def require_host(app: App[object]) -> WizardHost:
    """The app as a :class:`WizardHost`; screens that only run inside the wizard use this."""
    host = wizard_host(app)
    if host is None:
        raise TypeError("this screen runs only inside the perfeval wizard")
    return host
