"""Stage 1: read a file (TXT in any encoding, HTML, PDF, DOCX) into a :class:`LoadedText`.

This package is written by the loaders work; until then only the interface is fixed:
``load(path, limits=None) -> LoadedText`` raising :class:`zhibiao.errors.LoadError`.
"""
