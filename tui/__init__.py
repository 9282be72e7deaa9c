"""Sverka: a keyboard-driven terminal reader for cross-checking news reports."""

__version__ = "0.1.0"
