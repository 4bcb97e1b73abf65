"""The one place that knows MkDocs: load the data for a build, or stop it cleanly."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from macros.data.loader import RoadmapError, data_file, load_once
from macros.data.model import Roadmap


def roadmap_for(config: MkDocsConfig) -> Roadmap:
    """The validated roadmap of this build (parsed once per process while unchanged: see ``load_once``).

    A bad file aborts with one line per problem.
    """
    path = data_file()
    try:
        return load_once(path)
    except RoadmapError as exc:
        raise Abort(f"{exc}\n{path}: {len(exc.errors)} problem(s)") from None


def language(config: MkDocsConfig) -> str:
    """The build's language, from ``theme.language``."""
    return str(config.theme["language"])
