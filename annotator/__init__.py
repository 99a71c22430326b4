"""The fact-checking annotator's domain: pure Python, no Qt."""

__version__ = "0.1.0"
