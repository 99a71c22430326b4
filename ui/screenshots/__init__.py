"""Renders the main views to PNG for the README (python -m ui.screenshots)."""
