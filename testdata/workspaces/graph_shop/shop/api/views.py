"""API views."""
from shop.domain import orders
import requests


def list_orders():
    return orders.all_orders()
