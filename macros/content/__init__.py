"""Content computed from the data: lookups, page registry, views, descriptions, UI strings, the paper library."""
