"""The Qt front end: windows, widgets and item models over the cache and the sync engine.

Only this package imports Qt. It reads the cache and calls LocalActions; it never talks HTTP.
"""
