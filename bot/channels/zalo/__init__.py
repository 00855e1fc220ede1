"""The Zalo channel (Zalo Bot Platform API): client, polling, webhook; entry point in `app`."""
