"""Shared domain code: competency framework, wording checks, requirement profiles, documents.

Nothing here imports XBlock, so the blocks and the course exporter share one implementation.
"""
