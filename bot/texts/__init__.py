"""Every user-facing text, in Vietnamese, in one place: one module per capability."""
