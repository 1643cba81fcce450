"""Makarem Desk — the reception-counter application of a charitable association."""

__version__ = "0.1.0"
APP_NAME = "makarem-desk"
