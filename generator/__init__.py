"""impactsite: a static site generator that will not publish a survivor's identity by accident."""

__version__ = "0.1.0"
