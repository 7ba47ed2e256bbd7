"""Esep: police reports to the population of Kazakhstan."""
