"""Performance benchmark of the public portal; run with `make benchmark`."""
