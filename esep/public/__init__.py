"""The residents' side of Esep."""
