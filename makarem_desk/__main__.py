import sys

from makarem_desk.cli import main

sys.exit(main())
