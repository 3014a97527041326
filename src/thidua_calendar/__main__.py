"""``python -m thidua_calendar``."""

import sys

from .cli import main

sys.exit(main())
