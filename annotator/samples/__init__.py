"""The sample articles and claims a first run seeds, so the window is never empty."""
