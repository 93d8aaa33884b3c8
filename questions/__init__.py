"""The shipped question bank: YAML data read through `importlib.resources`, no code."""
