"""`python -m tui` works like `sverka`."""

from tui.cli import main

raise SystemExit(main())
