"""No event or message handler calls its base class's handler of the same event.

Textual runs ``on_mount`` (``_on_key``, any ``on_*``/``_on_*`` handler) once for every class
in the widget's MRO that defines it: a handler that also calls ``super().on_mount()`` runs the
base's work twice. A step overrides the hooks the base handler calls instead (``mounted``,
``resumed``, see ``tui/screens/base.py``).
"""

from __future__ import annotations

import ast
import re

from builders import ROOT

HANDLER = re.compile(r"_?on_\w+")


def handler_names(name: str) -> set[str]:
    event = name.lstrip("_")
    return {event, f"_{event}"}


def super_calls_of_same_handler(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if not HANDLER.fullmatch(node.name):
            continue
        for call in ast.walk(node):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and isinstance(call.func.value, ast.Call)
                and isinstance(call.func.value.func, ast.Name)
                and call.func.value.func.id == "super"
                and call.func.attr in handler_names(node.name)
            ):
                found.append((call.lineno, f"{node.name} calls super().{call.func.attr}()"))
    return found


def test_the_check_finds_a_handler_calling_its_base() -> None:
    source = (
        "class Step(Base):\n"
        "    def on_mount(self):\n"
        "        super().on_mount()\n"
        "    async def _on_key(self, event):\n"
        "        await super()._on_key(event)\n"
        "    def on_resize(self, event):\n"
        "        super().refresh_layout()\n"
    )
    assert super_calls_of_same_handler(ast.parse(source)) == [
        (3, "on_mount calls super().on_mount()"),
        (5, "_on_key calls super()._on_key()"),
    ]


def test_no_handler_in_the_package_calls_its_base_handler() -> None:
    offenders = []
    for path in sorted((ROOT / "perfeval_tui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, what in super_calls_of_same_handler(tree):
            offenders.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert offenders == []
