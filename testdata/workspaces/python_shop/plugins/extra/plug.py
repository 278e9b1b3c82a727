from shop.domain.models import Money
