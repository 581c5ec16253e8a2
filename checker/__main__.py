"""`python -m checker ...`: the same command line as the `checker` script, for environments
(worktrees, containers without the console script on PATH) where only the interpreter is at hand."""

import sys

from checker.cli import main

sys.exit(main())
