import logging
import requests

from ..domain import models
from shop.domain.pricing import (
    price,
    compute,
)

logger = logging.getLogger(__name__)


@app.route("/orders")
def list_orders(session) -> "list[models.Order]":
    logger.info("listing")
    response = requests.get("http://example.invalid")
    return [models.Order()]


def create_order(data) -> Response:
    logger.error("not yet")
    return Response(price(data))
