"""The persistent index of a corpus folder: one SQLite database (see ``explorer.index.db``).

Only ``explorer.workspace`` and ``explorer.cli`` open an index; the Qt layer never imports
this package (an import contract in ``pyproject.toml``).
"""
