"""Old helpers. The older tool read text: it saw `import requests` and `def parse(` in this docstring,
and `-> Response:` too."""
import os

MESSAGE = "def parse(text) -> Response: import requests"


def parse_expression(text) -> ResponseList:
    # requests.get(url) in a comment
    return os.path.join(text, "x")
