"""agendadiff's JSON writer gives json.dumps's indented text to the byte, for any data json takes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agendadiff.jsontext import json_text

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=40,
)


@given(values, st.booleans(), st.booleans())
def test_the_text_is_json_dumps_indented(data: Any, sort_keys: bool, ascii: bool) -> None:
    assert json_text(data, sort_keys=sort_keys, ascii=ascii) == json.dumps(
        data, ensure_ascii=ascii, indent=2, sort_keys=sort_keys
    )


def test_what_json_converts_or_refuses_it_converts_or_refuses_alike() -> None:
    unusual = {1: "one", None: [True, 2.5], 2.5: {}, "name": ("a", -0.0)}
    assert json_text(unusual) == json.dumps(unusual, ensure_ascii=False, indent=2)
    with pytest.raises(TypeError, match="not JSON serializable"):
        json_text({"when": object()})
    looped: list[Any] = []
    looped.append(looped)
    with pytest.raises(ValueError, match="Circular reference"):
        json_text(looped)
