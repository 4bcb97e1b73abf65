"""Facts about the live data that tests check: update with the data.

Everything else the tests know about ``data/roadmap.yaml`` they derive from the file itself.
What is here are corrections that must never be undone: addresses and attributions the original
roadmap gave that were checked and found wrong. Fixing or adding a fact never touches this list;
only a change that brings one of these back does, and then the test names it.
"""

from __future__ import annotations

WRONG_ADDRESSES = (
    "https://llm.int8.dev",
    "https://cs25.stanford.edu/",
    "https://web.mit.edu/6.s898/www/",
    "https://people.eecs.berkeley.edu/~keutzer/classes/CS294/CS294.html",
    "https://inst.eecs.berkeley.edu/~cs182/sp24/",
)
"""Addresses the roadmap gave that lead nowhere or to another course."""

WRONG_INSTRUCTORS = {
    "cs25": ("Chris Ré", "Matei Zaharia", "Percy Liang"),
    "cs182": ("Dan Klein",),
    "cmu-11-667": ("Denny Zhou", "Noah Smith"),
}
"""Course id → names the roadmap gave as its instructors that no source confirms."""
