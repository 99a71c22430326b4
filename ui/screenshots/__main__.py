"""`python -m ui.screenshots [OUTDIR]`: render the README's screenshots."""

import sys

from ui.screenshots.render import main

sys.exit(main())
