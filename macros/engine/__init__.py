"""The engine: the one room that imports MkDocs and Material (hooks, macros entry, build and serve, theme patches)."""
