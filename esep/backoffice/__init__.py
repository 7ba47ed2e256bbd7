"""The staff side of Esep."""
