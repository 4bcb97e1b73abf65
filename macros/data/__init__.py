"""The data: the typed model of ``data/roadmap.yaml``, its safe loader, and every rule a data file is checked by."""
