.PHONY: test lint demo

# The tests include the linter (tests/test_lint.py); `make lint` runs it alone.
test:
	python3 -m pytest -q

lint:
	python3 -m ruff check crawler extract tests
	python3 -m ruff format --check crawler extract tests

demo:
	nianbao demo
