"""The `nianbao` commands, one module each; crawler/cli.py gathers them into the command group.

What several commands share lives in commands/common.py, which never imports the command
group, so nothing here imports crawler/cli.py. Heavy imports (Scrapy, the store) happen
inside the command bodies, so `nianbao --help` answers at once.
"""
