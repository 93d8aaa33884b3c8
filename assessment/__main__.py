"""Entry point for `python -m assessment`."""

import sys

from .cli import main

sys.exit(main())
