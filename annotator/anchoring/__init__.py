"""Anchoring (pure functions on str): where a claim's words sit, finding them again
in a revision or a merged file, and what changed between revisions."""
