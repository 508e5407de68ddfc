"""communique: structured, verifiable event data from official diplomatic communications."""

__version__ = "0.1.0"
