from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shop.infra.db import Database


def render(db: "Database") -> str:
    import json
    return json.dumps({})
