"""Results of work done before, kept from one run to the next (an archive keeps them in .agendadiff/)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Kept:
    """Results as plain data, by a key of what they were made from. `used` is what this run took or made:
    all that is worth keeping for the next one."""

    known: dict[str, Any] = field(default_factory=dict)
    used: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, make: Callable[[], Any]) -> Any:
        data = self.known.get(key)
        if data is None:
            data = make()
        self.used[key] = data
        return data

    def ahead(self, made: dict[str, Any]) -> None:
        """Results made before they are asked for (on other cores, say): taken like those of an earlier run."""
        self.known.update(made)
