"""A third-party method wrapped by ours, once per process, wherever the wrapper is installed from."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

Place = tuple[str, str, str]
"""Where a method is: module, class, method name (listed where each wrapper's module names it)."""


def wrap_once(place: Place, wrapper: Callable[[Callable[..., Any]], Callable[..., Any]]) -> None:
    """Replace the method at ``place`` by ``wrapper(method)``, unless a wrapper of ours is there already."""
    module, owner_name, name = place
    owner = getattr(importlib.import_module(module), owner_name)
    method = getattr(owner, name)
    if not getattr(method, "rr_wrapped", False):
        wrapped = wrapper(method)
        wrapped.rr_wrapped = True  # type: ignore[attr-defined]
        setattr(owner, name, wrapped)
