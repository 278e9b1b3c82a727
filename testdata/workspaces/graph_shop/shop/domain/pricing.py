from shop.domain import orders


def price():
    return orders
