"""The package version (read by hatchling and by ``thidua-calendar --version``)."""

__version__ = "0.1.0"
