"""Core services: plain Python, each call a short unit of work, rules enforced here."""
