"""Compile each Jinja template once per process, however many environments load it.

Each build makes its own Jinja environments (MkDocs' theme environment and our page renderer); they share this
in-memory bytecode cache. What it spares is ``make serve``'s: the first build runs in the serving process and fills
the cache, and every rebuild forks from that process and loads compiled templates instead of compiling Material's
and ours again (measured: a rebuild after a data edit takes 0.8 s with it, 2.3 s without; see bench/README.md,
"Removed"). ``BUILD_JOBS=1`` builds the second language from it too. The default ``make build`` forks each
language from a process that has compiled nothing, so there it is never hit.
A template's entry is keyed by its name, file and source checksum: an edited template compiles anew.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache

from macros.caches import register


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in a dictionary for the life of the process."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (data := self._store.get(bucket.key)) is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._store.clear()


SHARED = register(
    MemoryBytecodeCache(), name="macros.render.jinja_cache.SHARED",
    holds="every compiled Jinja template: Material's, our theme's and our page templates",
    key="the template's name and file, checked against its source's checksum",
    stale="once a template changes (checked on every use)", sources=("macros/render/templates/*", "theme/*"))
"""The process's one cache, for every environment that loads templates from files."""
