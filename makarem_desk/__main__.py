import sys

if sys.argv[1:2] == ["worker"]:  # the window's heavy work, in a process of its own
    from makarem_desk.worker import main as worker_main

    sys.exit(worker_main())

from makarem_desk.cli import main

sys.exit(main())
