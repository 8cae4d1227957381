"""`python -m cur_desktop`: the same as the `cur-desktop` command."""

import sys

from cur_desktop.cli import main

sys.exit(main())
