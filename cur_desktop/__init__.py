"""The ЦУР operator workstation."""

#: The workstation version: sent to the server with every request (`X-Client-Version`), shown in
#: «О программе», and the default of the server's current and minimum workstation version.
__version__ = "0.1.0"
