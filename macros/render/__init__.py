"""Rendering: the Jinja page templates and the Python that renders them into Markdown around finished HTML."""
