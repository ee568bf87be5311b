"""Distributed crawls: the frontier shared through Redis (scrapy-redis's scheduler and duplicate
filter, plus our sites, budgets and workers) and the run of one worker."""
