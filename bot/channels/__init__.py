"""Messenger channels: thin adapters over the services."""
