"""Build an importable Open edX course archive (OLX .tar.gz) from readable source files.

Pipeline: read and validate the whole source (collect every error) -> in-memory course model
-> write OLX into a temporary folder -> pack reproducibly -> move into place.
"""
