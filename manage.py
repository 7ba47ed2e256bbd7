#!/usr/bin/env python
from esep.__main__ import main

if __name__ == "__main__":
    main()
