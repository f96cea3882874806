"""The committed JSON Schemas match the models, and the engine stays free of UI libraries."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from builders import ROOT

from perfeval_tui.commands.schema import SCHEMA_FILES, schema_text
from perfeval_tui.scoring.ruleset import RuleSet, available_rulesets, load_ruleset

# Every module that must work without a screen: none may import a UI library, and openpyxl
# only inside the export functions that need it.
ENGINE_MODULES = [
    "perfeval_tui.scoring.numbers",
    "perfeval_tui.scoring.model",
    "perfeval_tui.scoring.ruleset",
    "perfeval_tui.scoring.budget",
    "perfeval_tui.scoring.explanation",
    "perfeval_tui.scoring.families",
    "perfeval_tui.scoring.engine",
    "perfeval_tui.scoring.checks",
    "perfeval_tui.scoring.goals",
    "perfeval_tui.scoring.completeness",
    "perfeval_tui.project.storage",
    "perfeval_tui.project.session",
    "perfeval_tui.project.lock",
    "perfeval_tui.analysis.examples",
    "perfeval_tui.project.factory",
    "perfeval_tui.analysis.paths",
    "perfeval_tui.analysis.whatif",
    "perfeval_tui.analysis.seek",
    "perfeval_tui.analysis.seek_total",
    "perfeval_tui.analysis.quiz",
    "perfeval_tui.analysis.curve",
    "perfeval_tui.term.render_text",
    "perfeval_tui.exports",
    "perfeval_tui.cli",
]


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_committed_schema_matches_the_models(name):
    committed = (ROOT / "schemas" / name).read_text("utf-8")
    assert committed == schema_text(SCHEMA_FILES[name]), "run: perfeval schema --write"


@pytest.mark.parametrize("ruleset_id", available_rulesets())
def test_packaged_rule_sets_validate_against_the_model(ruleset_id):
    ruleset = load_ruleset(ruleset_id)
    assert RuleSet.model_validate(json.loads(ruleset.model_dump_json())) == ruleset
    for template in ruleset.templates:
        assert template.rule in ruleset.rules


@pytest.mark.parametrize("module", ENGINE_MODULES)
def test_engine_modules_import_no_ui_library(module):
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in ('textual', 'questionary', 'openpyxl', 'prompt_toolkit') if m in sys.modules)\n"
        "print(','.join(bad))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == ""
