"""One service per capability, shared by every channel."""
