"""Queries over a store: search (quotes, events, documents), relations over time, and ask."""
