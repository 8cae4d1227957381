"""The workstation version, at the bottom of the house so every layer (and the server) can read
it: sent to the server with every request (`X-Client-Version`), shown in «О программе», the
default of the server's current and minimum workstation version, and the packages' version."""

__version__ = "0.1.0"
