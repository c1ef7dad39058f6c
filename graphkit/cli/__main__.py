"""`python -m graphkit.cli`, the same as the `graphkit` command."""

from . import main

main()
