"""The frozen workstation's entry point (PyInstaller runs this file as `__main__`)."""

import multiprocessing
import sys

from cur_desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the embedded server must not re-run the GUI in a child
    sys.exit(main())
