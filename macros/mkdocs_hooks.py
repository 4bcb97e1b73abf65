"""MkDocs hooks: validate the data first, then add the navigation and generated files."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from macros.exports import DOWNLOADS
from macros.mkdocs_adapter import language, roadmap_for
from macros.pages import generated_pages, navigation


@event_priority(100)  # before the macros plugin reads the data
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Stop on bad data before anything is written; build the translated navigation."""
    config.nav = navigation(roadmap_for(config), language(config))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """One page per course and stage, and the data downloads."""
    roadmap = roadmap_for(config)
    for src, content in generated_pages(roadmap).items():
        files.append(File.generated(config, src, content=content))
    for path, write in DOWNLOADS.items():
        files.append(File.generated(config, path, content=write(roadmap)))
    return files
