"""``perfeval schema [--ruleset] [--write [--dir DIR]]``: the JSON Schemas, generated from the models."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..project.storage import atomic_write_text
from ..scoring.model import Project
from ..scoring.ruleset import RuleSet

SCHEMA_FILES: dict[str, type[Project] | type[RuleSet]] = {
    "project.schema.json": Project,
    "ruleset.schema.json": RuleSet,
}


def schema_text(model: type[Project] | type[RuleSet]) -> str:
    schema: dict[str, Any] = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ruleset", action="store_true", help="输出规则集文件的 Schema（默认输出项目文件的）"
    )
    parser.add_argument("--write", action="store_true", help="把两个 Schema 写入目录")
    parser.add_argument(
        "--dir", default="schemas", metavar="目录", help="--write 的目标目录（默认 schemas）"
    )


def run(args: argparse.Namespace) -> int:
    if args.write:
        folder = Path(args.dir)
        folder.mkdir(parents=True, exist_ok=True)
        for name, model in SCHEMA_FILES.items():
            atomic_write_text(folder / name, schema_text(model))
            print(f"已写入 {folder / name}")
        return 0
    print(schema_text(RuleSet if args.ruleset else Project), end="")
    return 0
