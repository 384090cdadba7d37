"""explorer: a desktop map-and-document explorer for folders of news articles.

Non-Qt core: ``article``, ``corpus`` (reading), ``index``, ``mapdoc``, ``pipeline``, ``cli``.
Qt layer: ``explorer.qt``.
"""

__version__ = "0.1.0"
