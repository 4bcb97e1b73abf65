"""Compile each Jinja template once per process, however many environments load it.

The site is built twice in one process (one build per language), and each build makes its own
Jinja environments: MkDocs' theme environment and our page renderer. They share this in-memory
bytecode cache, so the second build loads compiled templates instead of compiling them again.
A template's entry is keyed by its name, file and source checksum: an edited template compiles anew.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


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


SHARED = MemoryBytecodeCache()
"""The process's one cache, for every environment that loads templates from files."""
