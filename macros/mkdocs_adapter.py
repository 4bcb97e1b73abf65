"""The one place that knows MkDocs: load the data for a build, or stop it cleanly."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from macros.loader import RoadmapError, load_once
from macros.model import Roadmap

DATA_ENV = "ROADMAP_DATA"
DATA_DEFAULT = "data/roadmap.yaml"


def data_path(config: MkDocsConfig) -> Path:
    """``$ROADMAP_DATA`` or ``data/roadmap.yaml`` next to ``mkdocs.yml``."""
    project = Path(config.config_file_path).parent
    return project / os.environ.get(DATA_ENV, DATA_DEFAULT)


def roadmap_for(config: MkDocsConfig) -> Roadmap:
    """The validated roadmap of this build (parsed once per process while unchanged: see ``load_once``).

    A bad file aborts with one line per problem.
    """
    path = data_path(config)
    try:
        return load_once(path)
    except RoadmapError as exc:
        raise Abort(f"{exc}\n{path}: {len(exc.errors)} problem(s)") from None


def language(config: MkDocsConfig) -> str:
    """The build's language, from ``theme.language``."""
    return str(config.theme["language"])
