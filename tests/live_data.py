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
    "https://huggingface.co/docs/trl/ppo_trainer",  # TRL deleted its PPO trainer (2026-09)
)
"""Addresses the roadmap gave that lead nowhere or to another course."""

WRONG_INSTRUCTORS = {
    "cs25": ("Chris Ré", "Matei Zaharia", "Percy Liang"),
    "cs182": ("Dan Klein",),
    "cmu-11-667": ("Denny Zhou", "Noah Smith"),
}
"""Course id → names the roadmap gave as its instructors that no source confirms."""

ORDER = (
    ("w03-cs224n-l7-8", "s1-mlm-vs-clm"),  # the Transformer lectures before masked vs causal LM
    ("w12-cs336-parallelism", "w08-deepspeed-colossalai"),  # the parallelism lectures before DeepSpeed
    ("w09-cs336-alignment", "s3-simple-rlhf"),  # the alignment lectures before building an RLHF pipeline
)
"""(earlier, later) task ids: orders the weekly plan once had the wrong way round."""

ASSIGNED_STEPS = ("cs224n-2024-l09",)
"""Steps some task must start at: CS224N's pretraining lecture, which the plan once never assigned."""
