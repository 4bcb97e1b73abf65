"""LLM Research Roadmap: the data model, its rendering, and the thin MkDocs adapter.

MkDocs' macros plugin imports this package and calls :func:`define_env`.
"""


def define_env(env: object) -> None:
    """Entry point of mkdocs-macros-plugin; see :mod:`macros.mkdocs_env`."""
    from macros.mkdocs_env import define_env as define

    define(env)
