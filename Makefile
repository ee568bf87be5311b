.PHONY: test lint demo

test: lint
	python3 -m pytest -q

lint:
	python3 -m ruff check crawler extract tests

demo:
	nianbao demo
