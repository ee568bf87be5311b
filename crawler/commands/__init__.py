"""Subcommands of `nianbao`, one module each, registered at the end of crawler/cli.py."""
