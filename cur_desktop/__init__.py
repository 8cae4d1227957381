"""The ЦУР operator workstation."""

from cur_desktop.models.version import __version__

__all__ = ["__version__"]
