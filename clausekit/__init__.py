"""clausekit: check call-center outsourcing contracts against an explicit clause checklist."""

__version__ = "0.1.0"
