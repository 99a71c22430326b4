"""Speakers: who said a claim, the names they go by, their side and dated roles."""
