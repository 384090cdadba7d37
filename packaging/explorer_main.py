"""Entry point of the PyInstaller bundle: the same ``explorer`` command as the installed one."""

import sys

from explorer.cli import main

if __name__ == "__main__":
    sys.exit(main())
