from esep.testing.fixtures import country  # noqa: F401
