"""JSON as agendadiff writes it for people and for git diffs: indented by two spaces.

`json_text(data)` is `json.dumps(data, ensure_ascii=False, indent=2)` to the byte, in about half the time:
with an indent the standard library encodes in Python, through a generator per container, where this walks
the data once and leaves each string to the standard library's C escaping. Data it does not expect (keys that
are not strings, types json does not know) goes to json.dumps itself, which converts or refuses them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import Any

_INFINITY = float("inf")


class _Unusual(Exception):
    """Data json.dumps should see for itself."""


def json_text(data: Any, *, sort_keys: bool = False, ascii: bool = False) -> str:
    """`json.dumps(data, ensure_ascii=ascii, indent=2, sort_keys=sort_keys)`."""
    parts: list[str] = []
    add = parts.append
    string = encode_basestring_ascii if ascii else encode_basestring

    def value(item: Any, indent: str) -> None:
        if isinstance(item, str):
            add(string(item))
        elif item is None:
            add("null")
        elif item is True:
            add("true")
        elif item is False:
            add("false")
        elif isinstance(item, int):
            add(int.__repr__(item))
        elif isinstance(item, float):
            add(_float(item))
        elif isinstance(item, (list, tuple)):
            members(item, "[]", indent, value)
        elif isinstance(item, dict):
            members(sorted(item.items()) if sort_keys else item.items(), "{}", indent, pair)
        else:
            raise _Unusual

    def pair(member: tuple[Any, Any], indent: str) -> None:
        key, element = member
        if not isinstance(key, str):
            raise _Unusual
        add(string(key) + ": ")
        value(element, indent)

    def members(items: Collection[Any], brackets: str, indent: str, write: Callable[[Any, str], None]) -> None:
        """A list's elements or a dict's items, one a line, indented one step more than the brackets."""
        if not items:
            add(brackets)
            return
        inner = indent + "  "
        add(brackets[0] + "\n" + inner)
        for k, member in enumerate(items):
            if k:
                add(",\n" + inner)
            write(member, inner)
        add("\n" + indent + brackets[1])

    try:
        value(data, "")
    except (_Unusual, RecursionError):  # RecursionError: a container that holds itself, which json names
        return json.dumps(data, ensure_ascii=ascii, indent=2, sort_keys=sort_keys)
    return "".join(parts)


def _float(number: float) -> str:
    if number != number:
        return "NaN"
    if number == _INFINITY:
        return "Infinity"
    if number == -_INFINITY:
        return "-Infinity"
    return float.__repr__(number)
