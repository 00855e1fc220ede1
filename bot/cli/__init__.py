"""Command-line entry points; each module registers one `python -m bot` sub-command."""
