import sqlite3
from shop.api import views


def connect():
    return sqlite3.connect(":memory:")
