"""Settings package: base.py reads the environment; dev.py and test.py set defaults."""
