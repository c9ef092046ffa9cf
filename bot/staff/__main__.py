"""Entry point of `python -m bot.staff`."""

import sys

from bot.staff.cli import main

sys.exit(main())
