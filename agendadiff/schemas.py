"""The JSON Schemas of agendadiff's JSON outputs, shipped in data/schemas/ (one file each, sharing
common.schema.json), and each one as a document that stands alone: `agendadiff schema NAME`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from agendadiff.errors import AgendadiffError

FOLDER = Path(__file__).parent / "data" / "schemas"
COMMON = "common"
# Which command writes what each schema describes.
OUTPUTS = {
    "letter": "agendadiff sections --format json; letters/*/letter.json in an archive",
    "comparison": "agendadiff compare --format json; reports/*.json in an archive",
    "timeline": "agendadiff timeline --format json; timeline.json in an archive",
    "outcome": "agendadiff outcome --format json; outcomes/*.json in an archive",
    "commitments": "agendadiff commitments --format json; commitments.json in an archive",
    "log": "agendadiff archive log --format json",
}


class SchemaError(AgendadiffError):
    """A schema name agendadiff does not ship."""


def schema(name: str) -> dict[str, Any]:
    """The schema of the output `name`, with the shared definitions it refers to bundled in (JSON Schema
    2020-12 compound document): a validator needs nothing else."""
    if name not in OUTPUTS:
        raise SchemaError(f"{name}: no such schema; the schemas are {', '.join(OUTPUTS)}")
    document = _load(name)
    common = _load(COMMON)
    document.setdefault("$defs", {})[COMMON] = common
    return document


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FOLDER / f"{name}.schema.json").read_text(encoding="utf-8"))
    return data
