from esep.testing.fixtures import country, demo_country  # noqa: F401
