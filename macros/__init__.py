"""LLM Research Roadmap, laid out by pipeline stage: data → content → render → outputs, run by the engine.

``macros.data`` (the model, loader and checks), ``macros.content`` (what is computed from the data),
``macros.render`` (the page templates), ``macros.outputs`` (files besides the pages) know nothing of MkDocs;
``macros.engine`` is the one sub-package that imports MkDocs and Material. :mod:`macros.pipeline` builds a language in
order: its sources, the engine, the engine's HTML finished, the files besides the pages.
MkDocs' macros plugin imports this package and calls :func:`define_env`.
"""


def define_env(env: object) -> None:
    """Entry point of mkdocs-macros-plugin; see :mod:`macros.engine.mkdocs_env`."""
    from macros.engine.mkdocs_env import define_env as define

    define(env)
