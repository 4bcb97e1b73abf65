"""Material's search worker with a Chinese query cut into the index's words (our script, put before it).

Material's worker cuts each run of Chinese in a query itself, and gets it wrong (see
``theme/partials/javascripts/search-query.js``). The one expression that does it is replaced by a call to
our script's ``rrSegmentQuery``; the rest of the worker is Material's. The patched worker is a file of its own,
named by its content, and the pages' settings point the search at it (``macros/engine/theme_patches.py``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from macros.engine.material import SEARCH_QUERY_CUT, SEARCH_WORKER, search_scripts

OUR_SCRIPT = Path(__file__).resolve().parents[2] / "theme" / "partials" / "javascripts" / "search-query.js"


class WorkerPatchError(Exception):
    """Material's worker does not cut a query where we look."""


def patched_worker(material: str, ours: str) -> str:
    """Our script, then Material's worker ``material`` calling it for each run of Chinese of a query.

    The worker's pointer to its source map is dropped: the map no longer matches the code.
    """
    patched, count = SEARCH_QUERY_CUT.subn(
        lambda m: f'{m["query"]}={m["query"]}.replace({m["han"]},{m["run"]}=>rrSegmentQuery({m["run"]},'
                  f'this.index.invertedIndex))', material)
    if count != 1:
        raise WorkerPatchError(f"Material's search worker cuts a query {count} times where we look, not once: "
                               "see SEARCH_QUERY_CUT in macros/engine/material.py")
    code = "\n".join(line for line in patched.splitlines() if not line.startswith("//# sourceMappingURL="))
    return f"{ours.rstrip()}\n{code}\n"


def worker_address(content: str) -> str:
    """Where the patched worker is written: beside Material's, named by its content."""
    digest = hashlib.sha256(content.encode()).hexdigest()[:8]
    return f"assets/javascripts/workers/search.{digest}.min.js"


def is_materials_worker(src_uri: str) -> bool:
    """Whether a theme file is Material's search worker (or its source map)."""
    return SEARCH_WORKER.fullmatch(src_uri.removesuffix(".map")) is not None


def search_files(langs: list[str], worker: str) -> list[str]:
    """What the search downloads when it starts, as site addresses.

    The index, the worker at ``worker``, and the lunr scripts the worker imports for the search's languages (as
    Material's worker chooses them, ``search_scripts`` in ``macros/engine/material.py``). ``bundle-on-demand.js``
    fetches them when a reader opens the search.
    """
    scripts = [script for lang in langs for script in search_scripts(lang)]
    if len(langs) > 1:
        scripts.append("min/lunr.multi.min.js")
    if scripts:
        scripts.insert(0, "min/lunr.stemmer.support.min.js")
    return ["search/search_index.json", worker, *(f"assets/javascripts/lunr/{script}" for script in scripts)]
