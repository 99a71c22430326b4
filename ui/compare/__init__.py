"""Comparing in the window: the compare table, the balance report, suggested matches."""
