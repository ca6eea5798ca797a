"""factcheck: verify an article's checkable statements against their cited sources."""

__version__ = "0.1.0"
